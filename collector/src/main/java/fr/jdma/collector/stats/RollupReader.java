package fr.jdma.collector.stats;

import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.MonthlyRollups;
import fr.jdma.collector.storage.Schema.ServiceDailyRollups;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.jooq.impl.DSL.name;

/**
 * Reads the rollups: the indicators never touch raw ratings. Whole months come from
 * {@code monthly_rollups} and only the days of months a period cuts from {@code daily_rollups}
 * ({@link MonthSplit}); every location together ({@link #ALL_LOCATIONS}) from {@code service_daily_rollups}.
 */
public final class RollupReader {

    /** The location that stands for every location of the service together: its service-wide trend. */
    public static final String ALL_LOCATIONS = "*";

    /** One location's counts on one UTC day (or, read from a monthly row, in the month starting that day). */
    public record Day(String location, int epochDay, Counts counts) {
    }

    /** One location's counts summed over a period, with the first and last day that had answers. */
    public record Total(String location, int firstDay, int lastDay, Counts counts) {
    }

    private static final Field<String> LOCATION = DSL.field(name("parts", "location"), String.class);
    private static final Field<Integer> FIRST_DAY = DSL.field(name("parts", "first_day"), Integer.class);
    private static final Field<Integer> LAST_DAY = DSL.field(name("parts", "last_day"), Integer.class);
    private static final List<Field<Long>> COUNTERS = DailyRollups.COUNTERS.stream()
            .map(counter -> DSL.field(name("parts", counter.getName()), Long.class)).toList();

    private final Database database;

    public RollupReader(Database database) {
        this.database = database;
    }

    /** Per location (one group "*" for {@link #ALL_LOCATIONS}), summed by the database; ordered by location. */
    public List<Total> totals(String service, String location, Period period) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(LOCATION);
        fields.add(DSL.min(FIRST_DAY));
        fields.add(DSL.max(LAST_DAY));
        COUNTERS.forEach(counter -> fields.add(DSL.sum(counter)));
        Table<?> parts = ALL_LOCATIONS.equals(location) ? serviceDays(service, period) : monthsAndEdges(service, location, period, true);
        if (parts == null) return List.of();
        return database.dsl().select(fields)
                .from(parts)
                .groupBy(LOCATION)
                .orderBy(LOCATION)
                .fetch(r -> new Total(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class), counts(r, 3)));
    }

    /**
     * The rows to group by the given grouping, ordered by location then day, handed over one by
     * one: by month, a whole month is one row dated its first day.
     */
    public void days(String service, String location, Period period, StatsQuery.Grouping by, Consumer<Day> each) {
        List<Field<?>> fields = new ArrayList<>();
        if (!ALL_LOCATIONS.equals(location) && by != StatsQuery.Grouping.MONTH) {
            // by day or week every daily row is read anyway: straight from the table, in its key order
            fields.add(DailyRollups.LOCATION);
            fields.add(DailyRollups.DAY);
            fields.addAll(DailyRollups.COUNTERS);
            database.dialect().stream(database.dsl(), tx -> tx.select(fields)
                            .from(DailyRollups.TABLE)
                            .where(dailyWhere(service, location, period))
                            .orderBy(DailyRollups.LOCATION, DailyRollups.DAY),
                    r -> each.accept(new Day(r.get(0, String.class), r.get(1, Integer.class), counts(r, 2))));
            return;
        }
        Table<?> parts = ALL_LOCATIONS.equals(location) ? serviceDays(service, period) : monthsAndEdges(service, location, period, false);
        if (parts == null) return;
        fields.add(LOCATION);
        fields.add(FIRST_DAY);
        fields.addAll(COUNTERS);
        database.dialect().stream(database.dsl(), tx -> tx.select(fields).from(parts).orderBy(LOCATION, FIRST_DAY),
                r -> each.accept(new Day(r.get(0, String.class), r.get(1, Integer.class), counts(r, 2))));
    }

    /**
     * Whole months from monthly rows and the cut months' days from daily rows, as one derived
     * table (location, first_day, last_day, counters); null when the period holds no day. A
     * monthly row's days are its first and last day with answers ({@code spans}) or its first day.
     */
    private static Table<?> monthsAndEdges(String service, String location, Period period, boolean spans) {
        MonthSplit split = MonthSplit.of(period);
        List<Select<? extends Record>> selects = new ArrayList<>();
        if (split.months()) {
            List<Condition> where = new ArrayList<>();
            where.add(MonthlyRollups.SERVICE.eq(service));
            if (location != null) where.add(MonthlyRollups.LOCATION.eq(location));
            if (split.firstMonth() != null) where.add(MonthlyRollups.MONTH.ge(split.firstMonth()));
            if (split.lastMonth() != null) where.add(MonthlyRollups.MONTH.le(split.lastMonth()));
            selects.add(DSL.select(parts(MonthlyRollups.LOCATION, spans ? MonthlyRollups.FIRST_DAY : MonthlyRollups.MONTH,
                            spans ? MonthlyRollups.LAST_DAY : MonthlyRollups.MONTH, MonthlyRollups.COUNTERS))
                    .from(MonthlyRollups.TABLE).where(where));
        }
        if (!split.edges().isEmpty()) {
            List<Condition> where = new ArrayList<>();
            where.add(DailyRollups.SERVICE.eq(service));
            if (location != null) where.add(DailyRollups.LOCATION.eq(location));
            where.add(DSL.or(split.edges().stream().map(edge -> DailyRollups.DAY.between(edge[0], edge[1])).toList()));
            selects.add(DSL.select(parts(DailyRollups.LOCATION, DailyRollups.DAY, DailyRollups.DAY, DailyRollups.COUNTERS))
                    .from(DailyRollups.TABLE).where(where));
        }
        if (selects.isEmpty()) return null;
        Select<? extends Record> union = selects.get(0);
        for (int i = 1; i < selects.size(); i++) union = unionAll(union, selects.get(i));
        return union.asTable("parts");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<? extends Record> unionAll(Select<? extends Record> a, Select<? extends Record> b) {
        return ((Select) a).unionAll((Select) b);
    }

    private static List<Condition> dailyWhere(String service, String location, Period period) {
        List<Condition> where = new ArrayList<>();
        where.add(DailyRollups.SERVICE.eq(service));
        if (location != null) where.add(DailyRollups.LOCATION.eq(location));
        if (period.from() != null) where.add(DailyRollups.DAY.ge(period.fromEpochDay()));
        if (period.to() != null) where.add(DailyRollups.DAY.le(period.toEpochDay()));
        return where;
    }

    /** The service-wide rows of the period, located "*", as a derived table like {@link #monthsAndEdges}. */
    private static Table<?> serviceDays(String service, Period period) {
        List<Condition> where = new ArrayList<>();
        where.add(ServiceDailyRollups.SERVICE.eq(service));
        if (period.from() != null) where.add(ServiceDailyRollups.DAY.ge(period.fromEpochDay()));
        if (period.to() != null) where.add(ServiceDailyRollups.DAY.le(period.toEpochDay()));
        return DSL.select(parts(DSL.inline(ALL_LOCATIONS), ServiceDailyRollups.DAY, ServiceDailyRollups.DAY, ServiceDailyRollups.COUNTERS))
                .from(ServiceDailyRollups.TABLE).where(where).asTable("parts");
    }

    /** The derived table's columns: location, first_day, last_day, then the counters under their own names. */
    private static List<Field<?>> parts(Field<String> location, Field<Integer> firstDay, Field<Integer> lastDay, List<Field<Long>> counters) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(location.as("location"));
        fields.add(firstDay.as("first_day"));
        fields.add(lastDay.as("last_day"));
        for (Field<Long> counter : counters) fields.add(counter.as(counter.getName()));
        return fields;
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
