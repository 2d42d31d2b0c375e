package fr.jdma.collector.ingest;

import fr.jdma.collector.ingest.Completion.Complete;
import fr.jdma.collector.ingest.Completion.Conflict;
import fr.jdma.collector.ingest.Completion.Replay;
import fr.jdma.collector.ingest.Rating.Help;
import fr.jdma.collector.ingest.Rating.Satisfaction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion rule as a pure function of the stored rating and the incoming one. */
class CompletionTest {

    static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");
    static final String ID = "3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70";

    static Rating rating(Instant at, Satisfaction s, Integer clarity, List<Help> help, Boolean reached, String comment, Set<String> flags) {
        return new Rating(ID, at, "caf", "75056", "button", s, clarity, help, reached, null, comment, flags,
                "https://caf.fr/", "fr");
    }

    static final Rating FIRST_STEP = rating(AT, Satisfaction.BAD, null, List.of(), null, null, Set.of());

    @Test
    void the_same_answers_again_are_a_replay() {
        assertThat(Completion.judge(FIRST_STEP, false, rating(AT.plusSeconds(5), Satisfaction.BAD, null, List.of(), null, null, Set.of())))
                .isInstanceOf(Replay.class);
    }

    @Test
    void answers_it_lacked_complete_it_and_keep_its_time_place_and_page() {
        var verdict = Completion.judge(FIRST_STEP, false, new Rating(ID, AT.plusSeconds(30), "caf", "other", "email",
                Satisfaction.BAD, 2, List.of(Help.COUNTER), false, 1, "Trop long", Set.of("capitals"), "https://x.fr/", "en"));

        assertThat(verdict).isInstanceOfSatisfying(Complete.class, c -> assertThat(c.completed()).isEqualTo(
                new Rating(ID, AT, "caf", "75056", "button", Satisfaction.BAD, 2, List.of(Help.COUNTER), false, 1,
                        "Trop long", Set.of("capitals"), "https://caf.fr/", "fr")));
    }

    @Test
    void another_satisfaction_is_a_conflict() {
        assertThat(Completion.judge(FIRST_STEP, false, rating(AT, Satisfaction.GOOD, 3, List.of(), null, null, Set.of())))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void exactly_one_hour_later_is_still_in_time_and_a_millisecond_more_is_not() {
        var justInTime = rating(AT.plusSeconds(3600), Satisfaction.BAD, 3, List.of(), null, null, Set.of());
        var late = rating(AT.plusSeconds(3600).plusMillis(1), Satisfaction.BAD, 3, List.of(), null, null, Set.of());

        assertThat(Completion.judge(FIRST_STEP, false, justInTime)).isInstanceOf(Complete.class);
        assertThat(Completion.judge(FIRST_STEP, false, late)).isInstanceOf(Conflict.class);
    }

    @Test
    void a_rating_completed_once_takes_no_more_answers_but_still_replays() {
        var completed = rating(AT, Satisfaction.BAD, 3, List.of(), null, null, Set.of());

        assertThat(Completion.judge(completed, true, rating(AT, Satisfaction.BAD, 3, List.of(), null, null, Set.of())))
                .isInstanceOf(Replay.class);
        assertThat(Completion.judge(completed, true, rating(AT, Satisfaction.BAD, 3, List.of(), null, "Et puis", Set.of())))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void a_comment_erased_by_moderation_is_never_brought_back() {
        var redacted = rating(AT, Satisfaction.BAD, null, List.of(), null, null, Set.of("redacted"));

        assertThat(Completion.judge(redacted, false, rating(AT, Satisfaction.BAD, null, List.of(), null, "Le texte", Set.of())))
                .isInstanceOf(Replay.class);
    }

    @Test
    void another_help_answer_is_a_conflict_naming_the_question() {
        var helped = rating(AT, Satisfaction.BAD, null, List.of(Help.WEBSITES), null, null, Set.of());

        assertThat(Completion.judge(helped, false, rating(AT, Satisfaction.BAD, null, List.of(Help.PHONE), true, null, Set.of())))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.detail()).contains("help"));
    }
}
