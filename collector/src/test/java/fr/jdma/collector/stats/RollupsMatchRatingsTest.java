package fr.jdma.collector.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * The daily rollups kept by ingest always equal a recomputation from the raw ratings, after
 * random ratings, replays of the same ids (with other contents: completions and conflicts) and concurrent posting.
 * On PostgreSQL two collectors share the database, so rollup upserts really race.
 */
class RollupsMatchRatingsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int THREADS = 4;
    static final int PER_THREAD = 60;
    static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    /** Every reading returns a random instant over three days, so ratings fall either side of midnight UTC. */
    static final class RandomClock extends Clock {
        final long start = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(start + java.util.concurrent.ThreadLocalRandom.current().nextLong(3 * DAY));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void rollups_equal_a_recomputation_from_raw_ratings_after_random_replayed_and_concurrent_posts(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        List<TestCollector> collectors = new ArrayList<>();
        collectors.add(new TestCollector(url, c -> c, new RandomClock()).withService("caf").withService("impots"));
        if (kind.equals("postgres")) collectors.add(new TestCollector(url, c -> c, new RandomClock()));
        try {
            Set<String> ids = postConcurrently(collectors);

            DSLContext db = collectors.get(0).database().dsl();
            Map<String, List<Long>> rollups = rollups(db);
            assertThat(rollups).isEqualTo(recomputed(db));
            assertThat(rollups.values().stream().mapToLong(counts -> counts.get(0)).sum()).isEqualTo(ids.size());
            assertThat(rollups.keySet().stream().map(key -> key.split(" ")[2]).distinct()).hasSize(3);
        } finally {
            collectors.forEach(TestCollector::close);
        }
    }

    /** Each thread posts new ratings and replays ids already sent (by any thread), some at the same moment. */
    static Set<String> postConcurrently(List<TestCollector> collectors) throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(42 + t);
                TestCollector collector = collectors.get(t % collectors.size());
                done.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        boolean replay = !sent.isEmpty() && random.nextInt(4) == 0;
                        String id = replay ? sent.get(random.nextInt(sent.size())) : UUID.randomUUID().toString();
                        var response = collector.postRating(randomRating(id, random));
                        // a replay with other contents completes the stored rating (200) or contradicts it (409)
                        assertThat(response.statusCode()).as(response.body()).isIn(replay ? new Integer[] {200, 409} : new Integer[] {201});
                        sent.add(id);
                        ids.add(id);
                        // the same id twice in a row, likely in the same group-commit batch as another thread's
                        if (random.nextInt(10) == 0) {
                            assertThat(collector.postRating(randomRating(id, random)).statusCode()).isIn(200, 409);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new HashSet<>(ids);
    }

    static String randomRating(String id, SplittableRandom random) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("service", random.nextInt(5) == 0 ? "impots" : "caf");
        body.put("location", List.of("", "caf-94", "75056").get(random.nextInt(3)));
        body.put("satisfaction", List.of("good", "average", "bad").get(random.nextInt(3)));
        if (random.nextBoolean()) body.put("clarity", 1 + random.nextInt(5));
        int help = random.nextInt(4);
        if (help == 1) body.put("help", List.of("none"));
        if (help == 2) body.put("help", List.of("relative", "websites"));
        if (help == 3) {
            body.put("help", random.nextBoolean() ? List.of("counter") : List.of("phone", "email", "other"));
            if (random.nextBoolean()) body.put("helpReached", random.nextBoolean());
            if (random.nextBoolean()) body.put("helpQuality", 1 + random.nextInt(5));
        }
        return JSON.writeValueAsString(body);
    }

    static Map<String, List<Long>> rollups(DSLContext db) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        db.select(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY).select(DailyRollups.COUNTERS)
                .from(DailyRollups.TABLE)
                .orderBy(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY)
                .forEach(r -> {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 3; i < r.size(); i++) counts.add(r.get(i, Long.class));
                    rows.put(r.get(0) + " [" + r.get(1) + "] " + r.get(2, Long.class), counts);
                });
        return rows;
    }

    /** The same counters, recomputed from the ratings table in one GROUP BY. */
    static Map<String, List<Long>> recomputed(DSLContext db) {
        // inline, not bound: PostgreSQL matches the GROUP BY expression to the selected one textually
        Field<Long> day = Ratings.RECEIVED_AT.div(inline(DAY)).cast(SQLDataType.BIGINT);
        Condition tried = Ratings.HELP.like("%counter%").or(Ratings.HELP.like("%phone%")).or(Ratings.HELP.like("%email%"));
        Condition reached = tried.and(Ratings.HELP_REACHED.isNotNull());
        Condition quality = tried.and(Ratings.HELP_QUALITY.isNotNull());
        List<Field<?>> counters = List.of(
                count(),
                ones(Ratings.SATISFACTION.eq("good")),
                ones(Ratings.SATISFACTION.eq("average")),
                ones(Ratings.SATISFACTION.eq("bad")),
                count(Ratings.CLARITY),
                DSL.coalesce(sum(Ratings.CLARITY.minus(inline((short) 1))), inline(java.math.BigDecimal.ZERO)),
                count(Ratings.HELP),
                ones(Ratings.HELP.eq("none")),
                ones(reached),
                ones(reached.and(Ratings.HELP_REACHED.isTrue())),
                ones(quality),
                DSL.coalesce(sum(when(quality, Ratings.HELP_QUALITY.minus(inline((short) 1))).otherwise(inline((short) 0))),
                        inline(java.math.BigDecimal.ZERO)));
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        db.select(Ratings.SERVICE, Ratings.LOCATION, day).select(counters)
                .from(Ratings.TABLE)
                .groupBy(Ratings.SERVICE, Ratings.LOCATION, day)
                .orderBy(Ratings.SERVICE, Ratings.LOCATION, day)
                .forEach(r -> {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 3; i < r.size(); i++) counts.add(r.get(i, Long.class));
                    rows.put(r.get(0) + " [" + r.get(1) + "] " + r.get(2, Long.class), counts);
                });
        return rows;
    }

    static Field<java.math.BigDecimal> ones(Condition condition) {
        return sum(when(condition, inline(1)).otherwise(inline(0)));
    }
}
