package fr.jdma.collector.ingest;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.CollectorProcess;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 201 means "on disk": the collector jar is killed with SIGKILL in the middle of a load,
 * restarted, and every rating it acknowledged is there. Then the same with SIGTERM.
 */
class CrashIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void every_acknowledged_rating_survives_kill_9(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        Set<String> acknowledged = stopUnderLoad(url, CollectorProcess::kill);
        // The collector starts again on the crashed files, then is stopped so the test can read them.
        try (CollectorProcess restarted = CollectorProcess.start(url, dir.resolve("second.log"), List.of(), Map.of())) {
            assertThat(restarted.terminate()).isIn(0, 143);
        }
        assertStored(url, acknowledged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void a_SIGTERM_under_load_loses_no_acknowledged_rating(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        Set<String> acknowledged = stopUnderLoad(url, collector -> assertThat(collector.terminate()).isIn(0, 143));
        assertStored(url, acknowledged);
    }

    private interface Stop {
        void stop(CollectorProcess collector) throws Exception;
    }

    /** Posts from 8 threads until 300 ratings are acknowledged, stops the collector that way, returns what it acknowledged. */
    private Set<String> stopUnderLoad(String url, Stop stop) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (CollectorProcess collector = CollectorProcess.start(url, dir.resolve("first.log"), List.of(), Map.of())) {
            collector.createService("caf");
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService posters = postUntilStopped(collector, running, acknowledged);
            while (acknowledged.size() < 300) Thread.sleep(20);

            stop.stop(collector);
            running.set(false);
            posters.shutdown();
            assertThat(posters.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        return acknowledged;
    }

    private static ExecutorService postUntilStopped(CollectorProcess collector, AtomicBoolean running, Set<String> acknowledged) {
        ExecutorService posters = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int t = 0; t < 8; t++) {
            posters.submit(() -> {
                while (running.get()) {
                    String id = UUID.randomUUID().toString();
                    try {
                        var response = http.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                                .header("Content-Type", "text/plain").header("Origin", TestCollector.ORIGIN)
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"service\":\"caf\",\"satisfaction\":\"good\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) acknowledged.add(id);
                    } catch (Exception connectionGone) {
                        return;  // the collector is gone: stop this poster
                    }
                }
            });
        }
        return posters;
    }

    private static void assertStored(String url, Set<String> acknowledged) {
        try (Database database = Database.open(url, "", "")) {
            Set<String> stored = new HashSet<>(database.dsl().select(Ratings.ID).from(Ratings.TABLE).fetch(Ratings.ID));
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acknowledged);
            long counted = database.dsl().select(org.jooq.impl.DSL.sum(DailyRollups.ANSWERS)).from(DailyRollups.TABLE)
                    .fetchOne(0, Long.class);
            assertThat(counted).isEqualTo(stored.size());
        }
    }
}
