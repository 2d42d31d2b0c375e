package fr.jdma.collector.stats;

import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads {@code daily_rollups}: the indicators never touch raw ratings. */
public final class RollupReader {

    /** One location's counts on one UTC day. */
    public record Day(String location, int epochDay, Counts counts) {
    }

    /** One location's counts summed over a period, with the first and last day that had answers. */
    public record Total(String location, int firstDay, int lastDay, Counts counts) {
    }

    private final Database database;

    public RollupReader(Database database) {
        this.database = database;
    }

    /** Per location, summed by the database; ordered by location. */
    public List<Total> totals(String service, String location, Period period) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(DailyRollups.LOCATION);
        fields.add(DSL.min(DailyRollups.DAY));
        fields.add(DSL.max(DailyRollups.DAY));
        DailyRollups.COUNTERS.forEach(counter -> fields.add(DSL.sum(counter)));
        return database.dsl().select(fields)
                .from(DailyRollups.TABLE)
                .where(where(service, location, period))
                .groupBy(DailyRollups.LOCATION)
                .orderBy(DailyRollups.LOCATION)
                .fetch(r -> new Total(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class), counts(r, 3)));
    }

    /** Every (location, day) row, ordered by location then day, handed over one by one. */
    public void days(String service, String location, Period period, Consumer<Day> each) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(DailyRollups.LOCATION);
        fields.add(DailyRollups.DAY);
        fields.addAll(DailyRollups.COUNTERS);
        database.dialect().stream(database.dsl(), tx -> tx.select(fields)
                        .from(DailyRollups.TABLE)
                        .where(where(service, location, period))
                        .orderBy(DailyRollups.LOCATION, DailyRollups.DAY),
                r -> each.accept(new Day(r.get(0, String.class), r.get(1, Integer.class), counts(r, 2))));
    }

    private static List<Condition> where(String service, String location, Period period) {
        List<Condition> where = new ArrayList<>();
        where.add(DailyRollups.SERVICE.eq(service));
        if (location != null) where.add(DailyRollups.LOCATION.eq(location));
        if (period.from() != null) where.add(DailyRollups.DAY.ge(period.fromEpochDay()));
        if (period.to() != null) where.add(DailyRollups.DAY.le(period.toEpochDay()));
        return where;
    }

    private static Counts counts(Record r, int first) {
        long[] values = new long[DailyRollups.COUNTERS.size()];
        for (int i = 0; i < values.length; i++) {
            Long value = r.get(first + i, Long.class);
            values[i] = value == null ? 0 : value;
        }
        return Counts.of(values);
    }
}
