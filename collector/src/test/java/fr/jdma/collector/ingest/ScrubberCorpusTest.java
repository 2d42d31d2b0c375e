package fr.jdma.collector.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrubber against a corpus of French comments (src/test/resources/moderation/corpus.tsv):
 * precision and recall per flag, printed on every build. Personal data and agents' names must be
 * perfect; insults need 90 % recall and at most 5 % false positives.
 */
class ScrubberCorpusTest {

    private record Case(int line, Set<String> expectedFlags, String comment, String expectedText) {
    }

    private record Outcome(Case c, Set<String> flags, String text) {
    }

    private record Score(int truePositives, int falsePositives, int falseNegatives, int negatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        double falsePositiveRate() {
            return negatives == 0 ? 0 : (double) falsePositives / negatives;
        }
    }

    private static final List<String> COMMENT_FLAGS = List.of("email", "phone", "iban", "number", "agent_named",
            "insult", "capitals", "markup");
    private static final List<String> PERFECT = List.of("email", "phone", "iban", "number", "agent_named");

    private static List<Outcome> outcomes;
    private static Map<String, Score> scores;

    @BeforeAll
    static void runTheCorpus() throws IOException {
        Scrubber scrubber = new Scrubber();
        outcomes = new ArrayList<>();
        for (Case c : corpus()) {
            Set<String> flags = new TreeSet<>();
            String text = scrubber.scrubComment(c.comment(), flags);
            outcomes.add(new Outcome(c, flags, text));
        }
        scores = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("Scrubber corpus: " + outcomes.size() + " comments\n");
        report.append(String.format("%-12s %4s %4s %4s %9s %7s %6s%n", "flag", "tp", "fp", "fn", "precision", "recall", "fp-rate"));
        for (String flag : COMMENT_FLAGS) {
            int tp = 0, fp = 0, fn = 0, negatives = 0;
            for (Outcome o : outcomes) {
                boolean expected = o.c().expectedFlags().contains(flag);
                boolean found = o.flags().contains(flag);
                if (!expected) negatives++;
                if (expected && found) tp++;
                if (!expected && found) fp++;
                if (expected && !found) fn++;
            }
            Score score = new Score(tp, fp, fn, negatives);
            scores.put(flag, score);
            report.append(String.format("%-12s %4d %4d %4d %8.1f%% %6.1f%% %6.1f%%%n", flag, tp, fp, fn,
                    100 * score.precision(), 100 * score.recall(), 100 * score.falsePositiveRate()));
        }
        System.out.print(report);
    }

    @Test
    void the_corpus_holds_at_least_80_comments_with_true_and_false_cases_for_every_flag() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(80);
        for (String flag : COMMENT_FLAGS) {
            Score score = scores.get(flag);
            assertThat(score.truePositives() + score.falseNegatives()).as("comments that should be flagged " + flag).isGreaterThanOrEqualTo(2);
            assertThat(score.negatives()).as("comments that should not be flagged " + flag).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void personal_data_and_agents_names_are_found_with_full_precision_and_recall() {
        for (String flag : PERFECT) {
            assertThat(scores.get(flag).precision()).as(flag + " precision; misses: " + misses(flag)).isEqualTo(1.0);
            assertThat(scores.get(flag).recall()).as(flag + " recall; misses: " + misses(flag)).isEqualTo(1.0);
        }
    }

    @Test
    void insults_are_found_with_at_least_90_percent_recall_and_at_most_5_percent_false_positives() {
        assertThat(scores.get("insult").recall()).as("insult recall; misses: " + misses("insult")).isGreaterThanOrEqualTo(0.90);
        assertThat(scores.get("insult").falsePositiveRate()).as("insult false positives: " + misses("insult")).isLessThanOrEqualTo(0.05);
    }

    @Test
    void capitals_and_markup_are_found_with_at_least_90_percent_precision_and_recall() {
        for (String flag : List.of("capitals", "markup")) {
            assertThat(scores.get(flag).precision()).as(flag + ": " + misses(flag)).isGreaterThanOrEqualTo(0.90);
            assertThat(scores.get(flag).recall()).as(flag + ": " + misses(flag)).isGreaterThanOrEqualTo(0.90);
        }
    }

    @Test
    void every_stored_text_is_the_expected_one_with_names_and_personal_data_masked() {
        List<String> wrong = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.text().equals(o.c().expectedText())) {
                wrong.add("line " + o.c().line() + ": expected «" + o.c().expectedText() + "» got «" + o.text() + "»");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> misses(String flag) {
        List<String> misses = new ArrayList<>();
        for (Outcome o : outcomes) {
            boolean expected = o.c().expectedFlags().contains(flag);
            if (expected != o.flags().contains(flag)) {
                misses.add("line " + o.c().line() + (expected ? " missed: " : " wrongly flagged: ") + o.c().comment());
            }
        }
        return misses;
    }

    private static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ScrubberCorpusTest.class.getResourceAsStream("/moderation/corpus.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                if (cells.length != 3) throw new IllegalStateException("corpus.tsv line " + (i + 1) + ": expected 3 tab-separated cells");
                Set<String> flags = cells[0].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(cells[0].split(",")));
                cases.add(new Case(i + 1, flags, cells[1], cells[2].equals("=") ? cells[1] : cells[2]));
            }
        }
        return cases;
    }
}
