package fr.jdma.collector.form;

import fr.jdma.collector.support.TestClock;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class FormTimingTest {

    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    FormTiming timing = new FormTiming(clock);

    @Test
    void the_elapsed_time_is_measured_from_the_signed_stamp_of_the_rendered_page() {
        String stamp = timing.stamp();
        clock.set("2026-03-01T10:00:07.250Z");
        assertThat(timing.elapsedSince(stamp)).isEqualTo(OptionalLong.of(7250));
    }

    @Test
    void a_missing_malformed_forged_or_foreign_stamp_tells_nothing() {
        String stamp = timing.stamp();
        long shownAt = Long.parseLong(stamp.substring(0, stamp.indexOf('.')));
        String forged = (shownAt - 60_000) + stamp.substring(stamp.indexOf('.'));
        assertThat(timing.elapsedSince(null)).isEmpty();
        assertThat(timing.elapsedSince("")).isEmpty();
        assertThat(timing.elapsedSince("1772359200000")).isEmpty();
        assertThat(timing.elapsedSince(forged)).isEmpty();
        assertThat(new FormTiming(clock).elapsedSince(stamp)).isEmpty();
    }
}
