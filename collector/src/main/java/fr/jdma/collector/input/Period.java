package fr.jdma.collector.input;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A span of whole UTC days, both ends inclusive; a null end is open. {@code to=2026-03-31}
 * includes 2026-03-31T23:59:59.999Z.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final Period ALWAYS = new Period(null, null);

    /** First instant inside the period, epoch millis; null when open. */
    public Long fromMillis() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** First instant after the period, epoch millis; null when open. */
    public Long toMillisExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    public Integer fromEpochDay() {
        return from == null ? null : (int) from.toEpochDay();
    }

    public Integer toEpochDay() {
        return to == null ? null : (int) to.toEpochDay();
    }
}
