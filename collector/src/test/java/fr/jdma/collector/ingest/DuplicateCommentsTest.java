package fr.jdma.collector.ingest;

import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateCommentsTest {

    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    DuplicateComments duplicates = new DuplicateComments(clock, new ClientKey());

    static Rating rating(String service, String comment) {
        return new Rating(UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:00:00Z"), service, "", "",
                Rating.Satisfaction.BAD, null, List.of(), null, null, comment, Set.of(), null, "fr");
    }

    @Test
    void the_same_comment_from_the_same_client_to_the_same_service_under_a_new_id_is_a_duplicate() {
        assertThat(duplicates.check("203.0.113.7", rating("caf", "Site très lent")).flags()).isEmpty();
        clock.set("2026-03-01T10:09:00Z");
        assertThat(duplicates.check("203.0.113.7", rating("caf", "Site très lent")).flags()).containsExactly("duplicate");
    }

    @Test
    void a_replay_of_the_same_id_is_no_duplicate() {
        Rating first = rating("caf", "Site très lent");
        duplicates.check("203.0.113.7", first);
        assertThat(duplicates.check("203.0.113.7", first).flags()).isEmpty();
    }

    @Test
    void another_client_another_service_another_comment_no_comment_or_ten_minutes_later_are_no_duplicates() {
        duplicates.check("203.0.113.7", rating("caf", "Site très lent"));
        assertThat(duplicates.check("198.51.100.1", rating("caf", "Site très lent")).flags()).isEmpty();
        assertThat(duplicates.check("203.0.113.7", rating("impots", "Site très lent")).flags()).isEmpty();
        assertThat(duplicates.check("203.0.113.7", rating("caf", "Site très lent !")).flags()).isEmpty();
        assertThat(duplicates.check("203.0.113.7", rating("caf", null)).flags()).isEmpty();
        assertThat(duplicates.check("203.0.113.7", rating("caf", null)).flags()).isEmpty();
        clock.set("2026-03-01T10:10:00Z");
        assertThat(duplicates.check("203.0.113.7", rating("caf", "Site très lent !")).flags()).isEmpty();
    }

    @Test
    void a_duplicate_keeps_its_other_flags_and_counts_for_nothing_in_the_indicators() {
        Rating flagged = rating("caf", "x").withFlag(Flag.INSULT).withFlag(Flag.DUPLICATE);
        assertThat(flagged.flags()).containsExactlyInAnyOrder("insult", "duplicate");
        assertThat(Arrays.stream(Rollups.countsOf(flagged)).sum()).isZero();
        assertThat(Rollups.countsOf(rating("caf", "x"))[0]).isEqualTo(1);
    }
}
