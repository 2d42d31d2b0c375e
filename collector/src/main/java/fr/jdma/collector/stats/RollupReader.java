package fr.jdma.collector.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.LocationRollups;
import fr.jdma.collector.storage.Schema.MonthlyRollups;
import fr.jdma.collector.storage.Schema.RollupVersions;
import fr.jdma.collector.storage.Schema.ServiceDailyRollups;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import static org.jooq.impl.DSL.name;

/**
 * Reads the rollups: the indicators never touch raw ratings. Whole months come from
 * {@code monthly_rollups} and only the days of months a period cuts from {@code daily_rollups}
 * ({@link MonthSplit}); every location together ({@link #ALL_LOCATIONS}) from {@code service_daily_rollups};
 * all time per location from {@code location_rollups}.
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
    private static final List<Field<Long>> COUNTERS = DailyRollups.COUNTERS.stream()
            .map(counter -> DSL.field(name("parts", counter.getName()), Long.class)).toList();

    /** At most this many groups kept (about 200 bytes each): four services or periods of 5,000 locations. */
    static final int CACHED_GROUPS = 20_000;

    private record TotalsKey(String service, String location, Period period) {
    }

    private record Computed(long version, List<Total> totals) {
    }

    private final Database database;
    private final Cache<TotalsKey, Computed> computed = Caffeine.newBuilder()
            .maximumWeight(CACHED_GROUPS)
            .weigher((TotalsKey key, Computed value) -> value.totals().size() + 1)
            .build();
    private final Map<TotalsKey, CompletableFuture<Computed>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder sums = new LongAdder();

    public RollupReader(Database database) {
        this.database = database;
    }

    /**
     * Per location (one group "*" for {@link #ALL_LOCATIONS}), ordered by location code; an
     * unmodifiable list. Computed once per version of the service's rollups: the version is read
     * first, so totals kept under a version are at least that recent, and a write to the rollups
     * (here or in another collector sharing the database) raises it in the same transaction.
     */
    public List<Total> totals(String service, String location, Period period) {
        long version = version(service);
        TotalsKey key = new TotalsKey(service, location, period);
        Computed known = computed.getIfPresent(key);
        if (known != null && known.version() >= version) return known.totals();
        // One computation per group at a time: a request that comes while the same totals are being
        // summed (by the start's warm-up or another request) waits for them when they are recent enough.
        CompletableFuture<Computed> mine = new CompletableFuture<>();
        CompletableFuture<Computed> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            Computed theirs = awaitQuietly(running);
            if (theirs != null && theirs.version() >= version) return theirs.totals();
            return compute(key, version).totals();
        }
        try {
            Computed fresh = compute(key, version);
            mine.complete(fresh);
            return fresh.totals();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** How many times totals were summed from the rollups rather than served again (a metric). */
    public long sums() {
        return sums.sum();
    }

    private Computed compute(TotalsKey key, long version) {
        sums.increment();
        Computed fresh = new Computed(version, sum(key.service(), key.location(), key.period()));
        computed.asMap().merge(key, fresh, (old, latest) -> old.version() > latest.version() ? old : latest);
        return fresh;
    }

    /** Another thread's totals, or null when its computation failed (this one then tries on its own). */
    private static Computed awaitQuietly(CompletableFuture<Computed> running) {
        try {
            return running.join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The service's version of its rollups: 0 before any write (V11), raised by each {@link Rollups#write}. */
    private long version(String service) {
        Long version = database.dsl().select(RollupVersions.VERSION).from(RollupVersions.TABLE)
                .where(RollupVersions.SERVICE.eq(service)).fetchOne(RollupVersions.VERSION);
        return version == null ? 0 : version;
    }

    /**
     * {@link #totals} read from the database: the rows are summed here, in longs. A GROUP BY over
     * the union of monthly and edge rows made H2 hash every group and sum each counter as a NUMERIC;
     * reading the rows (64,000 for 5,000 locations over a year) stays the main cost, hence the
     * totals kept per version, and all time read from one row per location.
     */
    private List<Total> sum(String service, String location, Period period) {
        LocationSums sums = new LocationSums();
        if (ALL_LOCATIONS.equals(location)) {
            List<Field<?>> fields = new ArrayList<>();
            fields.add(ServiceDailyRollups.DAY);
            fields.addAll(ServiceDailyRollups.COUNTERS);
            database.dialect().stream(database.dsl(), tx -> tx.select(fields).from(ServiceDailyRollups.TABLE)
                            .where(serviceWhere(service, period)),
                    r -> sums.add(ALL_LOCATIONS, r.get(0, Integer.class), r.get(0, Integer.class), r, 1));
            return sums.totals();
        }
        if (period.from() == null && period.to() == null) {
            // all time: one row per location (V12); every location read as stored, like the months below
            List<Field<?>> fields = new ArrayList<>();
            fields.add(LocationRollups.LOCATION);
            fields.add(LocationRollups.FIRST_DAY);
            fields.add(LocationRollups.LAST_DAY);
            fields.addAll(LocationRollups.COUNTERS);
            List<Condition> where = new ArrayList<>();
            where.add(LocationRollups.SERVICE.eq(service));
            if (location != null) where.add(LocationRollups.LOCATION.eq(location));
            Table<?> rows = location == null ? database.dialect().scanned(LocationRollups.TABLE) : LocationRollups.TABLE;
            database.dialect().stream(database.dsl(), tx -> tx.select(fields).from(rows).where(where),
                    r -> sums.add(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class), r, 3));
            return sums.totals();
        }
        MonthSplit split = MonthSplit.of(period);
        if (!split.edges().isEmpty()) {
            List<Field<?>> fields = new ArrayList<>();
            fields.add(DailyRollups.LOCATION);
            fields.add(DailyRollups.DAY);
            fields.addAll(DailyRollups.COUNTERS);
            database.dialect().stream(database.dsl(), tx -> tx.select(fields).from(DailyRollups.TABLE)
                            .where(edgesWhere(service, location, split))
                            .orderBy(DailyRollups.LOCATION, DailyRollups.DAY),
                    r -> sums.add(r.get(0, String.class), r.get(1, Integer.class), r.get(1, Integer.class), r, 2));
        }
        if (split.months()) {
            List<Field<?>> fields = new ArrayList<>();
            fields.add(MonthlyRollups.LOCATION);
            fields.add(MonthlyRollups.FIRST_DAY);
            fields.add(MonthlyRollups.LAST_DAY);
            fields.addAll(MonthlyRollups.COUNTERS);
            // Every location: most of the service's monthly rows, read as stored (summed per location
            // in a map); one location: its few rows through the key.
            Table<?> months = location == null ? database.dialect().scanned(MonthlyRollups.TABLE) : MonthlyRollups.TABLE;
            database.dialect().stream(database.dsl(), tx -> tx.select(fields).from(months)
                            .where(monthsWhere(service, location, split)),
                    r -> sums.add(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class), r, 3));
        }
        return sums.totals();
    }

    /**
     * Sums rows per location in longs, in whatever order they come: rows read in key order come in
     * runs of one location, and the map is consulted once per run. Sorted by location code at the
     * end (Java's order, the same on every database).
     */
    private static final class LocationSums {
        private final Map<String, long[]> sums = new HashMap<>();  // first day, last day, then the counters
        private String location;
        private long[] sum;

        void add(String location, int firstDay, int lastDay, Record r, int firstCounter) {
            if (sum == null || !location.equals(this.location)) {
                this.location = location;
                sum = sums.computeIfAbsent(location, l -> new long[] {Integer.MAX_VALUE, Integer.MIN_VALUE,
                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            sum[0] = Math.min(sum[0], firstDay);
            sum[1] = Math.max(sum[1], lastDay);
            for (int i = 2; i < sum.length; i++) {
                Object value = r.get(firstCounter + i - 2);
                if (value != null) sum[i] += ((Number) value).longValue();
            }
        }

        List<Total> totals() {
            List<Total> totals = new ArrayList<>(sums.size());
            sums.forEach((location, sum) -> totals.add(new Total(location, (int) sum[0], (int) sum[1],
                    Counts.of(Arrays.copyOfRange(sum, 2, sum.length)))));
            totals.sort(Comparator.comparing(Total::location));
            return Collections.unmodifiableList(totals);
        }
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
        Table<?> parts = ALL_LOCATIONS.equals(location) ? serviceDays(service, period) : monthsAndEdges(service, location, period);
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
     * monthly row is dated its month's first day.
     */
    private static Table<?> monthsAndEdges(String service, String location, Period period) {
        MonthSplit split = MonthSplit.of(period);
        List<Select<? extends Record>> selects = new ArrayList<>();
        if (split.months()) {
            selects.add(DSL.select(parts(MonthlyRollups.LOCATION, MonthlyRollups.MONTH, MonthlyRollups.MONTH, MonthlyRollups.COUNTERS))
                    .from(MonthlyRollups.TABLE).where(monthsWhere(service, location, split)));
        }
        if (!split.edges().isEmpty()) {
            selects.add(DSL.select(parts(DailyRollups.LOCATION, DailyRollups.DAY, DailyRollups.DAY, DailyRollups.COUNTERS))
                    .from(DailyRollups.TABLE).where(edgesWhere(service, location, split)));
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

    /** The whole months of a split, from {@code monthly_rollups}. */
    private static List<Condition> monthsWhere(String service, String location, MonthSplit split) {
        List<Condition> where = new ArrayList<>();
        where.add(MonthlyRollups.SERVICE.eq(service));
        if (location != null) where.add(MonthlyRollups.LOCATION.eq(location));
        if (split.firstMonth() != null) where.add(MonthlyRollups.MONTH.ge(split.firstMonth()));
        if (split.lastMonth() != null) where.add(MonthlyRollups.MONTH.le(split.lastMonth()));
        return where;
    }

    /** The days of the months a split cuts, from {@code daily_rollups}. */
    private static List<Condition> edgesWhere(String service, String location, MonthSplit split) {
        List<Condition> where = new ArrayList<>();
        where.add(DailyRollups.SERVICE.eq(service));
        if (location != null) where.add(DailyRollups.LOCATION.eq(location));
        where.add(DSL.or(split.edges().stream().map(edge -> DailyRollups.DAY.between(edge[0], edge[1])).toList()));
        return where;
    }

    private static List<Condition> serviceWhere(String service, Period period) {
        List<Condition> where = new ArrayList<>();
        where.add(ServiceDailyRollups.SERVICE.eq(service));
        if (period.from() != null) where.add(ServiceDailyRollups.DAY.ge(period.fromEpochDay()));
        if (period.to() != null) where.add(ServiceDailyRollups.DAY.le(period.toEpochDay()));
        return where;
    }

    /** The service-wide rows of the period, located "*", as a derived table like {@link #monthsAndEdges}. */
    private static Table<?> serviceDays(String service, Period period) {
        return DSL.select(parts(DSL.inline(ALL_LOCATIONS), ServiceDailyRollups.DAY, ServiceDailyRollups.DAY, ServiceDailyRollups.COUNTERS))
                .from(ServiceDailyRollups.TABLE).where(serviceWhere(service, period)).asTable("parts");
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
