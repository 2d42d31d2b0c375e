package fr.jdma.collector.ingest;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The data files under resources/moderation, tested as data: each entry does what its file says. */
class WordListsTest {

    private static List<String> words(String file) {
        List<String> words = new ArrayList<>();
        for (String line : WordList.lines(file)) words.addAll(List.of(line.split("\\s+")));
        return words;
    }

    @Test
    void every_word_of_the_insults_list_is_found_alone_in_a_sentence_and_disguised() {
        List<String> missed = new ArrayList<>();
        for (String word : words("insultes.txt")) {
            String disguised = word.replace('o', '0').replace('e', '3');
            String spelled = String.join(".", word.split(""));
            for (String text : List.of("Quel " + word + " !", word.toUpperCase(), disguised, spelled)) {
                if (!Insults.foundIn(text)) missed.add(text);
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void accents_go_as_unicode_decomposition_removes_them_whatever_the_characters() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x2200; c++) all.append(c);
        List<String> texts = new ArrayList<>(List.of(all.toString(), "Très bien, merci 😀", "J’ai reçu « l’accusé » … 12 €",
                "e\u0301te\u0301 ", "한국어 ﬁn Ångström", "👍🏽 👨‍👩‍👧 ❤️", "\uD83D", "x\uDE00y", "ǅ Ǆ ǆ ΐ ǚ"));
        Random random = new Random(42);
        String pool = "aéÈçœ’«»…€ \u0301\u00A0ǅΐ한ﬁ😀👍🏽\uD83D\uDE00\uFE0F";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) text.append(pool.charAt(random.nextInt(pool.length())));
            texts.add(text.toString());
        }
        for (String text : texts) {
            String byUnicode = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            assertThat(WordList.withoutAccents(text)).as(text).isEqualTo(byUnicode);
        }
    }

    @Test
    void every_word_of_the_insults_list_is_found_spelled_or_cut_by_any_symbol_inside_a_sentence() {
        List<String> missed = new ArrayList<>();
        for (String word : words("insultes.txt")) {
            String half = word.substring(0, word.length() / 2);
            for (String symbol : List.of(" ", ".", "-", "_", "*", "/", "|", "+", " . ")) {
                String spelled = "Franchement quel " + String.join(symbol, word.split("")) + " ce service";
                if (!Insults.foundIn(spelled)) missed.add(spelled);
                if (symbol.contains(" ")) continue;   // a cut word has no space: "con-nard", not "con - nard"
                String cut = "Franchement quel " + half + symbol + word.substring(half.length()) + " ce service";
                if (!Insults.foundIn(cut)) missed.add(cut);
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void every_expression_of_the_insults_list_is_found_and_its_words_alone_are_not_all_insults() {
        for (String expression : WordList.lines("insultes-expressions.txt")) {
            assertThat(Insults.foundIn("Franchement, " + expression + " !")).as(expression).isTrue();
        }
        assertThat(Insults.foundIn("Nul besoin de se déplacer")).isFalse();
        assertThat(Insults.foundIn("une espèce de formulaire")).isFalse();
    }

    @Test
    void no_acronym_of_the_list_makes_a_comment_capitals_even_all_together() {
        String all = String.join(" ", words("acronymes.txt"));
        assertThat(Scrubber.isMostlyCapitals(all)).isFalse();
        for (String acronym : words("acronymes.txt")) {
            assertThat(Scrubber.isMostlyCapitals("Merci " + acronym + " " + acronym + " " + acronym + " ok")).as(acronym).isFalse();
        }
    }

    @Test
    void every_first_name_is_masked_after_a_civility_and_every_unambiguous_one_on_its_own() {
        Set<String> ambiguous = new TreeSet<>(words("prenoms-ambigus.txt"));
        List<String> missed = new ArrayList<>();
        for (String name : words("prenoms.txt")) {
            Set<String> flags = new TreeSet<>();
            if (!AgentNames.mask("Merci à Madame " + name + " pour tout", flags).equals("Merci à Madame [nom] pour tout")) missed.add("Madame " + name);
            if (!ambiguous.contains(name) && !AgentNames.mask("Bravo, " + name + " a été parfaite", flags).equals("Bravo, [nom] a été parfaite")) missed.add(name);
        }
        for (String name : ambiguous) {
            Set<String> flags = new TreeSet<>();
            if (!AgentNames.mask("l'agente " + name + " m'a aidé", flags).equals("l'agente [nom] m'a aidé")
                    && !Set.of("France", "Paris").contains(name)) missed.add("l'agente " + name);
            assertThat(AgentNames.mask("C'était " + name.toLowerCase() + " et net", flags)).contains(name.toLowerCase());
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void a_name_after_a_place_word_is_the_places_and_stays() {
        for (String place : words("lieux.txt")) {
            Set<String> flags = new TreeSet<>();
            String text = "Je suis passé " + place + " Victor Hugo hier";
            assertThat(AgentNames.mask(text, flags)).as(place).isEqualTo(text);
            assertThat(flags).isEmpty();
        }
    }
}
