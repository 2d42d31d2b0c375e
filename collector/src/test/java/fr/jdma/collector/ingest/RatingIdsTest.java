package fr.jdma.collector.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RatingIdsTest {

    @Test
    void the_example_of_RFC_9562() {
        // RFC 9562, appendix A.6: unix_ts_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F
        assertThat(RatingIds.of(0x017F22E279B0L, 0xCC3L, 0x18C4DC0C0C07398FL)).isEqualTo("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
    }

    @Test
    void only_the_version_and_variant_bits_are_fixed() {
        UUID zeros = UUID.fromString(RatingIds.of(0, 0, 0));
        UUID ones = UUID.fromString(RatingIds.of(-1, -1, -1));

        assertThat(zeros.toString()).isEqualTo("00000000-0000-7000-8000-000000000000");
        assertThat(ones.toString()).isEqualTo("ffffffff-ffff-7fff-bfff-ffffffffffff");
        assertThat(List.of(zeros.version(), zeros.variant(), ones.version(), ones.variant())).containsExactly(7, 2, 7, 2);
    }

    @Test
    void ids_made_later_sort_after_and_none_repeats() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10_000; i++) ids.add(RatingIds.next());
            Thread.sleep(2);
        }

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids.get(10_000)).isGreaterThan(ids.get(9_999));
        assertThat(ids.get(20_000)).isGreaterThan(ids.get(19_999));
        long now = System.currentTimeMillis();
        assertThat(UUID.fromString(ids.get(29_999)).getMostSignificantBits() >>> 16).isBetween(now - 60_000, now);
    }
}
