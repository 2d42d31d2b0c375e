package fr.jdma.collector.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorsTest {

    /** Counts in the order of the record: answers, good, average, bad, clarity, help, reached, quality. */
    static Counts counts(long answers, long good, long average, long bad, long clarityAnswers, long clarityPoints,
                         long helpAnswers, long helpNone, long reachedAnswers, long reachedYes,
                         long qualityAnswers, long qualityPoints) {
        return new Counts(answers, good, average, bad, clarityAnswers, clarityPoints, helpAnswers, helpNone,
                reachedAnswers, reachedYes, qualityAnswers, qualityPoints);
    }

    static Indicators of(Counts c) {
        return Indicators.of("caf", "caf-94", "2026-03", c);
    }

    static Counts satisfactionOnly(long good, long average, long bad) {
        return counts(good + average + bad, good, average, bad, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void satisfaction_is_the_mean_of_good_10_average_5_bad_0() {
        // 3 good, 1 average, 1 bad: (30 + 5 + 0) / 5 = 7.0
        var satisfaction = of(satisfactionOnly(3, 1, 1)).satisfaction();

        assertThat(satisfaction.score()).isEqualByComparingTo("7.0");
        assertThat(satisfaction.score().scale()).isEqualTo(1);
        assertThat(satisfaction.good()).isEqualTo(3);
        assertThat(satisfaction.average()).isEqualTo(1);
        assertThat(satisfaction.bad()).isEqualTo(1);
    }

    @Test
    void clarity_maps_5_to_10_and_1_to_0_in_steps_of_2_5() {
        // answers 5, 4, 3 are stored as points 4 + 3 + 2 = 9: (10 + 7.5 + 5) / 3 = 7.5
        assertThat(of(counts(3, 3, 0, 0, 3, 9, 0, 0, 0, 0, 0, 0)).clarity().score()).isEqualByComparingTo("7.5");
        // answers 5, 5, 4: (10 + 10 + 7.5) / 3 = 9.1666… → 9.2
        assertThat(of(counts(3, 3, 0, 0, 3, 11, 0, 0, 0, 0, 0, 0)).clarity().score()).isEqualByComparingTo("9.2");
        assertThat(of(counts(3, 3, 0, 0, 3, 11, 0, 0, 0, 0, 0, 0)).clarity().answers()).isEqualTo(3);
    }

    @Test
    void help_reached_is_the_percentage_of_yes_among_those_who_tried_an_administration_channel() {
        // 2 yes out of 3: 66.666… → 66.7
        var reached = of(counts(5, 5, 0, 0, 0, 0, 5, 2, 3, 2, 0, 0)).helpReached();

        assertThat(reached.percent()).isEqualByComparingTo("66.7");
        assertThat(reached.answers()).isEqualTo(3);
    }

    @Test
    void help_quality_maps_5_to_10_and_1_to_0_and_rounds_half_up() {
        // answers 1 and 2 → points 0 + 1: (0 + 2.5) / 2 = 1.25 → 1.3
        assertThat(of(counts(2, 2, 0, 0, 0, 0, 2, 0, 2, 1, 2, 1)).helpQuality().score()).isEqualByComparingTo("1.3");
    }

    @Test
    void autonomy_is_10_times_the_share_of_no_help_needed_among_answers_to_question_3() {
        // 1 "none" out of 3 answers to question 3: 3.333… → 3.3
        var autonomy = of(counts(4, 4, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0)).autonomy();

        assertThat(autonomy.score()).isEqualByComparingTo("3.3");
        assertThat(autonomy.answers()).isEqualTo(3);
    }

    @Test
    void questions_nobody_answered_have_a_null_score_and_zero_answers() {
        var indicators = of(satisfactionOnly(1, 0, 0));

        assertThat(indicators.clarity().score()).isNull();
        assertThat(indicators.clarity().answers()).isZero();
        assertThat(indicators.helpReached().percent()).isNull();
        assertThat(indicators.helpQuality().score()).isNull();
        assertThat(indicators.autonomy().score()).isNull();
        assertThat(of(Counts.ZERO).satisfaction().score()).isNull();
        assertThat(of(Counts.ZERO).satisfaction().level()).isEqualTo(Level.AVIS_INSUFFISANTS);
    }

    @ParameterizedTest(name = "{0} good, {1} average, {2} bad → {3} {4}")
    @CsvSource({
            "80, 0, 20, 8.0, TRES_BIEN",      // exactly 8
            "159, 0, 41, 8.0, TRES_BIEN",     // 7.95 is published as 8.0, and the level follows what is published
            "397, 0, 103, 7.9, INSUFFISANT",  // 7.94
            "50, 0, 50, 5.0, INSUFFISANT",    // exactly 5
            "99, 0, 101, 5.0, INSUFFISANT",   // 4.95 → 5.0
            "247, 0, 253, 4.9, CRITIQUE",     // 4.94
            "0, 0, 100, 0.0, CRITIQUE",
            "100, 0, 0, 10.0, TRES_BIEN",     // 100 answers: enough
            "99, 0, 0, 10.0, AVIS_INSUFFISANTS", // 99 answers: not enough, whatever the score
    })
    void the_level_follows_the_published_score_and_needs_100_answers(long good, long average, long bad, String score, Level level) {
        var satisfaction = of(satisfactionOnly(good, average, bad)).satisfaction();

        assertThat(satisfaction.score()).isEqualByComparingTo(score);
        assertThat(satisfaction.level()).isEqualTo(level);
    }

    @Test
    void a_published_group_under_100_answers_keeps_its_counts_but_no_score_nor_split() {
        var published = of(counts(99, 60, 30, 9, 50, 150, 40, 10, 20, 15, 18, 50)).published();

        assertThat(published.answers()).isEqualTo(99);
        assertThat(published.satisfaction()).isEqualTo(new Indicators.Satisfaction(null, Level.AVIS_INSUFFISANTS, null, null, null));
        assertThat(published.clarity()).isEqualTo(new Indicators.Score(null, 50));
        assertThat(published.helpReached()).isEqualTo(new Indicators.Percent(null, 20));
        assertThat(published.helpQuality()).isEqualTo(new Indicators.Score(null, 18));
        assertThat(published.autonomy()).isEqualTo(new Indicators.Score(null, 40));
    }

    @Test
    void a_published_group_with_100_answers_is_unchanged() {
        var indicators = of(satisfactionOnly(70, 20, 10));

        assertThat(indicators.published()).isEqualTo(indicators);
        assertThat(indicators.satisfaction().score()).isEqualTo(new BigDecimal("8.0"));
    }

    @Test
    void the_json_of_a_group_is_pinned() throws Exception {
        String json = new ObjectMapper().writeValueAsString(of(counts(100, 70, 20, 10, 3, 9, 4, 1, 3, 2, 2, 1)));

        assertThat(json).isEqualTo("{\"service\":\"caf\",\"location\":\"caf-94\",\"period\":\"2026-03\",\"answers\":100,"
                + "\"satisfaction\":{\"score\":8.0,\"level\":\"tres_bien\",\"good\":70,\"average\":20,\"bad\":10},"
                + "\"clarity\":{\"score\":7.5,\"answers\":3},\"helpReached\":{\"percent\":66.7,\"answers\":3},"
                + "\"helpQuality\":{\"score\":1.3,\"answers\":2},\"autonomy\":{\"score\":2.5,\"answers\":4}}");
    }
}
