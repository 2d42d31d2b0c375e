package fr.jdma.collector.stats;

import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.ingest.GroupCommitWriter.Outcome;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.LocationRollups;
import fr.jdma.collector.storage.Schema.MonthlyRollups;
import fr.jdma.collector.storage.Schema.RollupVersions;
import fr.jdma.collector.storage.Schema.ServiceDailyRollups;
import fr.jdma.collector.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The monthly and service-wide rollups always equal the daily rows summed, whether written by
 * ingest (batches with new ratings, duplicates and completions) or backfilled by the V8 migration;
 * and the indicators read through them equal those recomputed from daily rows alone, for random periods.
 */
class MonthlyRollupsMatchDailyTest {

    static final List<String> LOCATIONS = List.of("", "caf-94", "75056", "13055", "a-b", "ab");
    static final LocalDate START = LocalDate.parse("2026-01-20");
    static final int DAYS = 110;

    @TempDir
    Path dir;

    @Test
    void every_day_of_a_period_is_read_once_from_a_whole_month_or_from_an_edge() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            Period period = randomPeriod(random);
            MonthSplit split = MonthSplit.of(period);
            for (LocalDate day = START.minusDays(40); day.isBefore(START.plusDays(DAYS + 40)); day = day.plusDays(1)) {
                int epochDay = (int) day.toEpochDay();
                int month = (int) day.withDayOfMonth(1).toEpochDay();
                boolean inMonths = split.months() && (split.firstMonth() == null || month >= split.firstMonth())
                        && (split.lastMonth() == null || month <= split.lastMonth());
                if (inMonths) {
                    // a whole month lies inside the period
                    assertThat(inside(period, day.withDayOfMonth(1)) && inside(period, YearMonth.from(day).atEndOfMonth()))
                            .as("%s in %s", day, period).isTrue();
                }
                long edges = split.edges().stream().filter(e -> e[0] <= epochDay && epochDay <= e[1]).count();
                assertThat((inMonths ? 1 : 0) + edges).as("%s in %s", day, period).isEqualTo(inside(period, day) ? 1 : 0);
            }
        }
    }

    @Test
    void location_star_asks_for_every_location_together_and_cannot_be_combined_with_a_level() {
        StatsQuery query = StatsQuery.parse(Map.of("service", List.of("caf"), "location", List.of("*"), "by", List.of("month")));
        assertThat(query.location()).isEqualTo(RollupReader.ALL_LOCATIONS);
        assertThat(query.by()).isEqualTo(StatsQuery.Grouping.MONTH);
        assertThatThrownBy(() -> StatsQuery.parse(Map.of("location", List.of("*"), "level", List.of("region"))))
                .isInstanceOf(fr.jdma.collector.input.InvalidInputException.class)
                .hasMessageContaining("location");
        assertThatThrownBy(() -> StatsQuery.parse(Map.of("location", List.of("*x"))))
                .isInstanceOf(fr.jdma.collector.input.InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void ingest_keeps_monthly_and_service_rollups_equal_to_the_daily_rows_and_reads_match_a_daily_recomputation(String kind) {
        try (Database database = Database.open(TestDatabases.of(kind, dir), "", "")) {
            storeRandomRatings(new RatingStore(database), new SplittableRandom(11));
            DSLContext db = database.dsl();
            assertThat(monthly(db)).isEqualTo(monthlyFromDaily(db));
            assertThat(serviceDaily(db)).isEqualTo(serviceDailyFromDaily(db));

            Statistics statistics = new Statistics(new RollupReader(database));
            SplittableRandom random = new SplittableRandom(13);
            for (int i = 0; i < 60; i++) {
                Period period = randomPeriod(random);
                String service = random.nextInt(4) == 0 ? "impots" : "caf";
                String location = switch (random.nextInt(4)) {
                    case 0 -> LOCATIONS.get(random.nextInt(LOCATIONS.size()));
                    case 1 -> RollupReader.ALL_LOCATIONS;
                    default -> null;
                };
                for (StatsQuery.Grouping by : StatsQuery.Grouping.values()) {
                    StatsQuery query = new StatsQuery(service, location, period, by);
                    assertThat(statistics.indicators(query)).as("%s", query).isEqualTo(fromDailyRows(db, query));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void ingest_keeps_each_locations_all_time_row_equal_to_its_daily_rows_and_all_time_reads_come_from_it(String kind) {
        try (Database database = Database.open(TestDatabases.of(kind, dir), "", "")) {
            storeRandomRatings(new RatingStore(database), new SplittableRandom(19));
            DSLContext db = database.dsl();
            assertThat(locations(db)).isEqualTo(locationsFromDaily(db)).isNotEmpty();

            Statistics statistics = new Statistics(new RollupReader(database));
            for (String location : new String[] {null, LOCATIONS.get(0), LOCATIONS.get(3)}) {
                StatsQuery query = new StatsQuery("caf", location, Period.ALWAYS, StatsQuery.Grouping.LOCATION);
                assertThat(statistics.indicators(query)).as("%s", query).isEqualTo(fromDailyRows(db, query)).isNotEmpty();
            }
            // the all-time rows are what is read: a change there shows in the answer
            db.update(LocationRollups.TABLE).set(LocationRollups.COUNTERS.get(0), LocationRollups.COUNTERS.get(0).plus(1000L))
                    .where(LocationRollups.SERVICE.eq("caf")).execute();
            db.update(RollupVersions.TABLE).set(RollupVersions.VERSION, RollupVersions.VERSION.plus(1L)).execute();
            StatsQuery all = new StatsQuery("caf", null, Period.ALWAYS, StatsQuery.Grouping.LOCATION);
            assertThat(statistics.indicators(all).get(0).answers()).isEqualTo(fromDailyRows(db, all).get(0).answers() + 1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void the_migration_fills_monthly_and_service_rollups_from_the_daily_rows_already_stored(String kind) {
        String url = TestDatabases.of(kind, dir);
        int rows = databaseBeforeV8WithDailyRows(kind, url);

        try (Database database = Database.open(url, "", "")) {
            DSLContext db = database.dsl();
            assertThat(daily(db)).hasSize(rows);
            assertThat(monthly(db)).isEqualTo(monthlyFromDaily(db)).isNotEmpty();
            assertThat(serviceDaily(db)).isEqualTo(serviceDailyFromDaily(db)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void the_migration_fills_the_all_time_rows_from_the_rollups_already_stored(String kind) {
        String url = TestDatabases.of(kind, dir);
        databaseBeforeV8WithDailyRows(kind, url);

        try (Database database = Database.open(url, "", "")) {
            DSLContext db = database.dsl();
            assertThat(locations(db)).isEqualTo(locationsFromDaily(db)).isNotEmpty();
        }
    }

    /** A database as it was before V8, holding random daily rows; returns how many. */
    private int databaseBeforeV8WithDailyRows(String kind, String url) {
        // a database as it was before V8 (H2 with the lower-case names Database.open asks for), holding daily rows
        Flyway.configure().dataSource(kind.equals("h2") ? url + ";DATABASE_TO_LOWER=TRUE" : url, null, null)
                .locations("classpath:db/migration").target("7").load().migrate();
        SplittableRandom random = new SplittableRandom(17);
        List<DailyRow> rows = new ArrayList<>();
        for (String service : List.of("caf", "impots")) {
            for (String location : LOCATIONS) {
                for (int d = 0; d < DAYS; d++) {
                    if (random.nextInt(3) != 0) continue;
                    long[] counts = new long[DailyRollups.COUNTERS.size()];
                    for (int i = 0; i < counts.length; i++) counts[i] = 1 + random.nextInt(50);
                    rows.add(new DailyRow(service, location, (int) START.plusDays(d).toEpochDay(), counts));
                }
            }
        }
        try (var connection = java.sql.DriverManager.getConnection(kind.equals("h2") ? url + ";DATABASE_TO_LOWER=TRUE" : url)) {
            DSLContext db = DSL.using(connection);
            for (DailyRow row : rows) {
                List<Object> values = new ArrayList<>(List.of(row.service(), row.location(), row.day()));
                for (long count : row.counts()) values.add(count);
                List<Field<?>> columns = new ArrayList<>(List.of(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY));
                columns.addAll(DailyRollups.COUNTERS);
                db.insertInto(DailyRollups.TABLE, columns).values(values).execute();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows.size();
    }


    // ---- data

    static void storeRandomRatings(RatingStore store, SplittableRandom random) {
        List<Rating> stored = new ArrayList<>();
        for (int batch = 0; batch < 30; batch++) {
            List<Rating> ratings = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 40; i++) {
                Rating rating;
                if (!stored.isEmpty() && random.nextInt(8) == 0) {
                    // a completion of a stored rating that lacked clarity: same id, day and place, one answer more
                    Rating before = stored.get(random.nextInt(stored.size()));
                    if (before.clarity() != null || !ids.add(before.id())) continue;
                    rating = new Rating(before.id(), before.receivedAt().plusSeconds(60), before.service(), before.location(),
                            before.source(), before.satisfaction(), 1 + random.nextInt(5), before.help(), before.helpReached(),
                            before.helpQuality(), before.comment(), before.flags(), before.page(), before.lang());
                } else {
                    rating = randomRating(random);
                    ids.add(rating.id());
                }
                ratings.add(rating);
            }
            Outcome[] outcomes = store.insert(ratings);
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == Outcome.CREATED) stored.add(ratings.get(i));
            }
        }
    }

    static Rating randomRating(SplittableRandom random) {
        Instant at = START.plusDays(random.nextInt(DAYS)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextInt(86_400));
        List<Rating.Help> help = switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(Rating.Help.NONE);
            case 2 -> List.of(Rating.Help.RELATIVE);
            default -> List.of(Rating.Help.PHONE, Rating.Help.EMAIL);
        };
        boolean tried = help.contains(Rating.Help.PHONE);
        return new Rating(UUID.randomUUID().toString(), at, random.nextInt(4) == 0 ? "impots" : "caf",
                LOCATIONS.get(random.nextInt(LOCATIONS.size())), "widget",
                Rating.Satisfaction.values()[random.nextInt(3)],
                random.nextBoolean() ? null : 1 + random.nextInt(5), help,
                tried && random.nextBoolean() ? random.nextBoolean() : null,
                tried && random.nextBoolean() ? 1 + random.nextInt(5) : null,
                null, random.nextInt(10) == 0 ? Set.of(Flag.DUPLICATE.wire()) : Set.of(), null, "fr");
    }

    static Period randomPeriod(SplittableRandom random) {
        LocalDate from = random.nextInt(5) == 0 ? null : START.plusDays(random.nextInt(DAYS + 40) - 20);
        LocalDate to = random.nextInt(5) == 0 ? null : (from == null ? START : from).plusDays(random.nextInt(DAYS));
        // month boundaries matter most: sometimes snap an end to the first or last day of its month
        if (from != null && random.nextInt(3) == 0) from = from.withDayOfMonth(1);
        if (to != null && random.nextInt(3) == 0) to = YearMonth.from(to).atEndOfMonth();
        return new Period(from, to);
    }

    static boolean inside(Period period, LocalDate day) {
        return (period.from() == null || !day.isBefore(period.from())) && (period.to() == null || !day.isAfter(period.to()));
    }

    // ---- the tables as maps, and the same sums recomputed from daily_rollups

    record DailyRow(String service, String location, int day, long[] counts) {
    }

    static List<DailyRow> daily(DSLContext db) {
        return db.select(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY).select(DailyRollups.COUNTERS)
                .from(DailyRollups.TABLE)
                .fetch(r -> {
                    long[] counts = new long[DailyRollups.COUNTERS.size()];
                    for (int i = 0; i < counts.length; i++) counts[i] = r.get(3 + i, Long.class);
                    return new DailyRow(r.get(0, String.class), r.get(1, String.class), r.get(2, Integer.class), counts);
                });
    }

    static Map<String, List<Long>> monthly(DSLContext db) {
        Map<String, List<Long>> rows = new TreeMap<>();
        db.select(MonthlyRollups.SERVICE, MonthlyRollups.LOCATION, MonthlyRollups.MONTH, MonthlyRollups.FIRST_DAY, MonthlyRollups.LAST_DAY)
                .select(MonthlyRollups.COUNTERS).from(MonthlyRollups.TABLE)
                .forEach(r -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 3; i < r.size(); i++) values.add(r.get(i, Long.class));
                    rows.put(r.get(0) + " [" + r.get(1) + "] " + r.get(2), values);
                });
        return rows;
    }

    static Map<String, List<Long>> monthlyFromDaily(DSLContext db) {
        return spansFromDaily(db, row -> row.service() + " [" + row.location() + "] " + Rollups.monthOf(row.day()));
    }

    /** The daily rows summed per key: first day, last day, then the counters. */
    static Map<String, List<Long>> spansFromDaily(DSLContext db, java.util.function.Function<DailyRow, String> keyOf) {
        Map<String, long[]> sums = new TreeMap<>();
        for (DailyRow row : daily(db)) {
            long[] sum = sums.computeIfAbsent(keyOf.apply(row), k -> {
                long[] s = new long[2 + row.counts().length];
                s[0] = Long.MAX_VALUE;
                s[1] = Long.MIN_VALUE;
                return s;
            });
            sum[0] = Math.min(sum[0], row.day());
            sum[1] = Math.max(sum[1], row.day());
            for (int i = 0; i < row.counts().length; i++) sum[2 + i] += row.counts()[i];
        }
        Map<String, List<Long>> rows = new TreeMap<>();
        sums.forEach((key, sum) -> rows.put(key, java.util.Arrays.stream(sum).boxed().toList()));
        return rows;
    }

    static Map<String, List<Long>> locations(DSLContext db) {
        Map<String, List<Long>> rows = new TreeMap<>();
        db.select(LocationRollups.SERVICE, LocationRollups.LOCATION, LocationRollups.FIRST_DAY, LocationRollups.LAST_DAY)
                .select(LocationRollups.COUNTERS).from(LocationRollups.TABLE)
                .forEach(r -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 2; i < r.size(); i++) values.add(r.get(i, Long.class));
                    rows.put(r.get(0) + " [" + r.get(1) + "]", values);
                });
        return rows;
    }

    static Map<String, List<Long>> locationsFromDaily(DSLContext db) {
        return spansFromDaily(db, row -> row.service() + " [" + row.location() + "]");
    }

    static Map<String, List<Long>> serviceDaily(DSLContext db) {
        Map<String, List<Long>> rows = new TreeMap<>();
        db.select(ServiceDailyRollups.SERVICE, ServiceDailyRollups.DAY).select(ServiceDailyRollups.COUNTERS)
                .from(ServiceDailyRollups.TABLE)
                .forEach(r -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 2; i < r.size(); i++) values.add(r.get(i, Long.class));
                    rows.put(r.get(0) + " " + r.get(1), values);
                });
        return rows;
    }

    static Map<String, List<Long>> serviceDailyFromDaily(DSLContext db) {
        Map<String, long[]> sums = new TreeMap<>();
        for (DailyRow row : daily(db)) {
            long[] sum = sums.computeIfAbsent(row.service() + " " + row.day(), k -> new long[row.counts().length]);
            for (int i = 0; i < sum.length; i++) sum[i] += row.counts()[i];
        }
        Map<String, List<Long>> rows = new TreeMap<>();
        sums.forEach((key, sum) -> rows.put(key, java.util.Arrays.stream(sum).boxed().toList()));
        return rows;
    }

    /**
     * The indicators as they were computed before V8: from daily rows only, grouped by the
     * database per location (ordered by it), or per location and period label in key order.
     */
    static List<Indicators> fromDailyRows(DSLContext db, StatsQuery query) {
        boolean all = RollupReader.ALL_LOCATIONS.equals(query.location());
        List<Condition> where = new ArrayList<>();
        where.add(DailyRollups.SERVICE.eq(query.service()));
        if (query.location() != null && !all) where.add(DailyRollups.LOCATION.eq(query.location()));
        if (query.period().from() != null) where.add(DailyRollups.DAY.ge(query.period().fromEpochDay()));
        if (query.period().to() != null) where.add(DailyRollups.DAY.le(query.period().toEpochDay()));
        Field<String> location = all ? DSL.inline(RollupReader.ALL_LOCATIONS) : DailyRollups.LOCATION;
        List<Indicators> groups = new ArrayList<>();
        if (query.by() == StatsQuery.Grouping.LOCATION) {
            List<Field<?>> fields = new ArrayList<>(List.of(DSL.min(DailyRollups.DAY), DSL.max(DailyRollups.DAY)));
            DailyRollups.COUNTERS.forEach(counter -> fields.add(DSL.sum(counter)));
            var select = all ? db.select(fields).from(DailyRollups.TABLE).where(where).having(DSL.count().gt(0))
                    : db.select(DailyRollups.LOCATION).select(fields).from(DailyRollups.TABLE).where(where)
                    .groupBy(DailyRollups.LOCATION).orderBy(DailyRollups.LOCATION);
            select.forEach(r -> {
                int offset = all ? 0 : 1;
                long[] counts = new long[DailyRollups.COUNTERS.size()];
                for (int i = 0; i < counts.length; i++) counts[i] = r.get(offset + 2 + i, Long.class);
                LocalDate from = query.period().from() != null ? query.period().from() : LocalDate.ofEpochDay(r.get(offset, Integer.class));
                LocalDate to = query.period().to() != null ? query.period().to() : LocalDate.ofEpochDay(r.get(offset + 1, Integer.class));
                groups.add(Indicators.of(query.service(), all ? RollupReader.ALL_LOCATIONS : r.get(0, String.class),
                        from + "/" + to, Counts.of(counts)));
            });
            return groups;
        }
        Map<List<String>, Counts> sums = new LinkedHashMap<>();
        db.select(location, DailyRollups.DAY).select(DailyRollups.COUNTERS).from(DailyRollups.TABLE).where(where)
                .orderBy(all ? List.of(DailyRollups.DAY) : List.of(DailyRollups.LOCATION, DailyRollups.DAY))
                .forEach(r -> {
                    long[] counts = new long[DailyRollups.COUNTERS.size()];
                    for (int i = 0; i < counts.length; i++) counts[i] = r.get(2 + i, Long.class);
                    sums.merge(List.of(r.get(0, String.class), query.by().label(LocalDate.ofEpochDay(r.get(1, Integer.class)))),
                            Counts.of(counts), Counts::plus);
                });
        sums.forEach((key, counts) -> groups.add(Indicators.of(query.service(), key.get(0), key.get(1), counts)));
        return groups;
    }
}
