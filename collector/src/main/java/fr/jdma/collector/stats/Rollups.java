package fr.jdma.collector.stats;

import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.Rating.Help;
import fr.jdma.collector.storage.PreparedBatch;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.LocationRollups;
import fr.jdma.collector.storage.Schema.MonthlyRollups;
import fr.jdma.collector.storage.Schema.RollupVersions;
import fr.jdma.collector.storage.Schema.ServiceDailyRollups;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer counts per service x location x UTC day, summed again per month and per service as a
 * whole (V8), and per location over all time (V12). Ingest adds the ratings it creates in the same transaction, so the indicators read
 * a few rows per day, month or service instead of every rating, and raises the service's
 * version of its rollups (V11) that computed indicators are checked against.
 */
public final class Rollups {

    private record Key(String service, String location, int day) {
    }

    private record MonthKey(String service, String location, int month) {
    }

    private record ServiceDay(String service, int day) {
    }

    private record LocationKey(String service, String location) {
    }

    /** Per dialect: the SQL depends on nothing else (every DSLContext of the collector has the same settings). */
    private static final Map<SQLDialect, Statements> STATEMENTS = new ConcurrentHashMap<>();

    private Rollups() {
    }

    /**
     * The counter values one rating contributes, in the order of {@code Schema.DailyRollups.COUNTERS}.
     * A duplicate (the same comment sent again by the same client) is stored but counts for nothing.
     */
    public static long[] countsOf(Rating r) {
        if (r.flags().contains(Flag.DUPLICATE.wire())) return new long[DailyRollups.COUNTERS.size()];
        boolean reached = r.triedAdministration() && r.helpReached() != null;
        boolean quality = r.triedAdministration() && r.helpQuality() != null;
        return new long[] {
                1,
                r.satisfaction() == Rating.Satisfaction.GOOD ? 1 : 0,
                r.satisfaction() == Rating.Satisfaction.AVERAGE ? 1 : 0,
                r.satisfaction() == Rating.Satisfaction.BAD ? 1 : 0,
                r.clarity() == null ? 0 : 1,
                r.clarity() == null ? 0 : r.clarity() - 1,
                r.help().isEmpty() ? 0 : 1,
                r.help().contains(Help.NONE) ? 1 : 0,
                reached ? 1 : 0,
                reached && r.helpReached() ? 1 : 0,
                quality ? 1 : 0,
                quality ? r.helpQuality() - 1 : 0,
        };
    }

    public static int dayOf(Rating r) {
        return (int) r.receivedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** A stored rating changed by a completion: same id, service, place and day, more answers. */
    public record Change(Rating before, Rating after) {
    }

    /**
     * Adds the given newly stored ratings to their days and moves the counts of completed ratings
     * from what they were to what they are, in the daily, monthly, service-wide and all-time rollups, inside
     * the caller's transaction.
     */
    public static void write(DSLContext tx, List<Rating> created, List<Change> changes) {
        Deltas deltas = new Deltas();
        for (Rating r : created) deltas.add(r, 1);
        for (Change c : changes) {
            deltas.add(c.after(), 1);
            deltas.add(c.before(), -1);
        }
        deltas.write(tx);
    }

    /**
     * Counts added up in memory, then written by the upserts ingest uses: a batch of ingest, or a
     * bulk load (bench/Generate.java) that sums many batches before writing them once.
     */
    public static final class Deltas {
        private final Map<Key, long[]> days = new LinkedHashMap<>();

        /** Adds (sign 1) or removes (sign -1) what one rating counts for. */
        public void add(Rating r, int sign) {
            accumulate(days, r, sign);
        }

        /** How many service x location x day rows the deltas touch. */
        public int days() {
            return days.size();
        }

        /** Adds the deltas to the daily, monthly, service-wide and all-time rollups in the caller's transaction, then forgets them. */
        public void write(DSLContext tx) {
            writeDeltas(tx, days);
            days.clear();
        }
    }

    private static void writeDeltas(DSLContext tx, Map<Key, long[]> deltas) {
        // Only duplicates (which count for nothing) on that day: no empty row, no useless update.
        deltas.values().removeIf(delta -> Arrays.stream(delta).allMatch(v -> v == 0));
        if (deltas.isEmpty()) return;

        // The monthly, service-wide and all-time rows are sums of the daily ones: made from the same deltas,
        // so they can never disagree; a month's first and last day are those of its daily rows.
        Map<MonthKey, long[]> months = new LinkedHashMap<>();
        Map<MonthKey, int[]> spans = new LinkedHashMap<>();
        Map<ServiceDay, long[]> serviceDays = new LinkedHashMap<>();
        Map<LocationKey, long[]> locations = new LinkedHashMap<>();
        Map<LocationKey, int[]> locationSpans = new LinkedHashMap<>();
        for (var entry : deltas.entrySet()) {
            Key key = entry.getKey();
            MonthKey month = new MonthKey(key.service(), key.location(), monthOf(key.day()));
            add(months.computeIfAbsent(month, k -> new long[entry.getValue().length]), entry.getValue());
            spans.merge(month, new int[] {key.day(), key.day()}, Rollups::widest);
            add(serviceDays.computeIfAbsent(new ServiceDay(key.service(), key.day()), k -> new long[entry.getValue().length]),
                    entry.getValue());
            LocationKey location = new LocationKey(key.service(), key.location());
            add(locations.computeIfAbsent(location, k -> new long[entry.getValue().length]), entry.getValue());
            locationSpans.merge(location, new int[] {key.day(), key.day()}, Rollups::widest);
        }

        Statements statements = STATEMENTS.computeIfAbsent(tx.dialect(), dialect -> Statements.of(tx));
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, delta) -> rows.add(values(delta, key.service(), key.location(), key.day())));
        statements.daily().execute(tx, rows);

        rows.clear();
        months.forEach((key, delta) -> {
            int[] span = spans.get(key);
            rows.add(values(delta, key.service(), key.location(), key.month(), span[0], span[1]));
        });
        statements.monthly().execute(tx, rows);

        rows.clear();
        serviceDays.forEach((key, delta) -> rows.add(values(delta, key.service(), key.day())));
        statements.serviceWide().execute(tx, rows);

        rows.clear();
        locations.forEach((key, delta) -> {
            int[] span = locationSpans.get(key);
            rows.add(values(delta, key.service(), key.location(), span[0], span[1]));
        });
        statements.allTime().execute(tx, rows);

        // In the same transaction: whoever sees the new counts sees the new version, and indicators
        // computed before it (in this collector or another sharing the database) are computed again.
        rows.clear();
        // in one order, so that two collectors writing the same services never wait on each other in a cycle
        serviceDays.keySet().stream().map(ServiceDay::service).distinct().sorted().forEach(service -> rows.add(new Object[] {service, 1L}));
        statements.versions().execute(tx, rows);
    }

    /** Epoch day of the first day of the month holding the given epoch day. */
    public static int monthOf(int epochDay) {
        return (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
    }

    private static void accumulate(Map<Key, long[]> deltas, Rating r, int sign) {
        long[] sum = deltas.computeIfAbsent(new Key(r.service(), r.location(), dayOf(r)),
                k -> new long[DailyRollups.COUNTERS.size()]);
        long[] one = countsOf(r);
        for (int i = 0; i < sum.length; i++) sum[i] += sign * one[i];
    }

    /** The first and last day of two spans together. */
    private static int[] widest(int[] a, int[] b) {
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    private static void add(long[] sum, long[] delta) {
        for (int i = 0; i < sum.length; i++) sum[i] += delta[i];
    }

    /** The keys (and first/last day), then the counters: the order of the upsert's columns. */
    private static Object[] values(long[] delta, Object... keys) {
        Object[] values = Arrays.copyOf(keys, keys.length + delta.length);
        for (int i = 0; i < delta.length; i++) values[keys.length + i] = delta[i];
        return values;
    }

    /** The statements ingest writes the rollups with, written once per dialect. */
    private record Statements(PreparedBatch daily, PreparedBatch monthly, PreparedBatch serviceWide, PreparedBatch allTime,
                              PreparedBatch versions) {
        static Statements of(DSLContext dsl) {
            return new Statements(
                    upsert(dsl, DailyRollups.TABLE, List.of(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY),
                            DailyRollups.COUNTERS, null, null),
                    upsert(dsl, MonthlyRollups.TABLE, List.of(MonthlyRollups.SERVICE, MonthlyRollups.LOCATION, MonthlyRollups.MONTH),
                            MonthlyRollups.COUNTERS, MonthlyRollups.FIRST_DAY, MonthlyRollups.LAST_DAY),
                    upsert(dsl, ServiceDailyRollups.TABLE, List.of(ServiceDailyRollups.SERVICE, ServiceDailyRollups.DAY),
                            ServiceDailyRollups.COUNTERS, null, null),
                    upsert(dsl, LocationRollups.TABLE, List.of(LocationRollups.SERVICE, LocationRollups.LOCATION),
                            LocationRollups.COUNTERS, LocationRollups.FIRST_DAY, LocationRollups.LAST_DAY),
                    PreparedBatch.of(dsl, List.of(RollupVersions.SERVICE, RollupVersions.VERSION),
                            values -> DSL.insertInto(RollupVersions.TABLE, RollupVersions.SERVICE, RollupVersions.VERSION)
                                    .values(values)
                                    .onConflict(RollupVersions.SERVICE).doUpdate()
                                    .set(RollupVersions.VERSION, RollupVersions.VERSION.plus(DSL.inline(1L)))));
        }
    }

    /**
     * One upsert statement for a whole batch of rows: a new key inserts its delta, a known one adds it
     * (and widens the first/last day, where the table has them).
     */
    private static PreparedBatch upsert(DSLContext dsl, Table<Record> table, List<Field<?>> keys,
                                        List<Field<Long>> counters, Field<Integer> firstDay, Field<Integer> lastDay) {
        List<Field<?>> columns = new ArrayList<>(keys);
        if (firstDay != null) {
            columns.add(firstDay);
            columns.add(lastDay);
        }
        columns.addAll(counters);
        Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
        if (firstDay != null) {
            updates.put(firstDay, DSL.least(firstDay, DSL.excluded(firstDay)));
            updates.put(lastDay, DSL.greatest(lastDay, DSL.excluded(lastDay)));
        }
        for (Field<Long> counter : counters) updates.put(counter, counter.plus(DSL.excluded(counter)));
        return PreparedBatch.of(dsl, columns, values -> DSL.insertInto(table, columns)
                .values(values)
                .onConflict(keys).doUpdate()
                .set(updates));
    }
}
