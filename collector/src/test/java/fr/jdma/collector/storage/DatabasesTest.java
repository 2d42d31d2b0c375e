package fr.jdma.collector.storage;

import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviour on each database the collector supports: H2, SQLite and PostgreSQL. */
class DatabasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void every_declared_column_exists_in_the_migrated_schema(String kind) throws Exception {
        try (var collector = new TestCollector(TestDatabases.of(kind, dir))) {
            assertThat(Schema.tables()).isNotEmpty();
            for (Schema.Declared table : Schema.tables()) {
                // Selecting every declared field fails if one is misnamed.
                collector.database().dsl().select(table.fields()).from(table.table()).limit(1).fetch();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void concurrent_posts_from_16_threads_store_exactly_3200_rows(String kind) throws Exception {
        try (var collector = new TestCollector(TestDatabases.of(kind, dir)).withService("caf")) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String id = UUID.randomUUID().toString();
                        var response = collector.postRating("{\"id\":\"" + id + "\",\"service\":\"caf\",\"location\":\"l" + (i % 7)
                                + "\",\"satisfaction\":\"" + (i % 3 == 0 ? "bad" : "good") + "\",\"clarity\":" + (1 + i % 5) + "}");
                        if (response.statusCode() == 201) acknowledged.add(id);
                    }
                }));
            }
            for (Future<?> task : tasks) task.get(5, TimeUnit.MINUTES);
            pool.shutdown();

            var dsl = collector.database().dsl();
            assertThat(acknowledged).hasSize(3200);
            assertThat(dsl.fetchCount(Ratings.TABLE)).isEqualTo(3200);
            assertThat(dsl.select(org.jooq.impl.DSL.sum(DailyRollups.ANSWERS)).from(DailyRollups.TABLE).fetchOne(0, Long.class))
                    .isEqualTo(3200L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void racing_replays_of_one_id_store_one_row_and_count_once(String kind) throws Exception {
        try (var collector = new TestCollector(TestDatabases.of(kind, dir)).withService("caf")) {
            String body = TestCollector.rating("caf");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) statuses.add(pool.submit(() -> collector.postRating(body).statusCode()));
            List<Integer> codes = new ArrayList<>();
            for (var status : statuses) codes.add(status.get(1, TimeUnit.MINUTES));
            pool.shutdown();

            assertThat(codes).containsOnly(200, 201);
            assertThat(codes.stream().filter(c -> c == 201)).hasSize(1);
            assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isEqualTo(1);
            assertThat(collector.database().dsl().select(DailyRollups.ANSWERS).from(DailyRollups.TABLE).fetchOne(0, Long.class))
                    .isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void ratings_survive_a_normal_restart_of_the_collector(String kind) {
        String url = TestDatabases.of(kind, dir);
        String body = TestCollector.rating("caf");
        try (var collector = new TestCollector(url).withService("caf")) {
            assertThat(collector.postRating(body).statusCode()).isEqualTo(201);
        }
        try (var collector = new TestCollector(url)) {
            assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isEqualTo(1);
            assertThat(collector.postRating(body).statusCode()).isEqualTo(200);
        }
    }
}
