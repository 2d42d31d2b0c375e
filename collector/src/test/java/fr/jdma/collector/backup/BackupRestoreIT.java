package fr.jdma.collector.backup;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.CollectorProcess;
import fr.jdma.collector.support.JarCommand;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * The administrator's backup and restore, exactly as the README tells them: the jar's
 * {@code backup} command against the running collector under load, then {@code restore} into a
 * fresh database and a fresh collector started on it.
 */
class BackupRestoreIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void a_backup_under_load_restores_every_rating_acknowledged_before_it_started(String kind) throws Exception {
        String live = TestDatabases.of(kind, Files.createDirectories(dir.resolve("live")));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> beforeBackup;
        String statsBeforeStop;
        Path quiet = dir.resolve("quiet-backup." + (kind.equals("h2") ? "zip" : "sqlite"));
        try (CollectorProcess collector = CollectorProcess.start(live, dir.resolve("collector.log"), List.of(), Map.of())) {
            collector.createService("caf");
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService posters = post(collector, running, acknowledged);
            while (acknowledged.size() < 300) Thread.sleep(20);

            beforeBackup = Set.copyOf(acknowledged);
            JarCommand backup = JarCommand.run(commandEnv(collector, live), "backup", backups.toString());
            int duringBackup = acknowledged.size() - beforeBackup.size();

            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("backup written to " + backups);
            assertThat(duringBackup).as("ratings acknowledged while the backup ran").isPositive();

            running.set(false);
            posters.shutdown();
            assertThat(posters.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            JarCommand quietBackup = JarCommand.run(commandEnv(collector, live), "backup", quiet.toString());
            assertThat(quietBackup.exitCode()).as(quietBackup.output()).isZero();
            statsBeforeStop = stats(collector);
        }
        Path underLoad;
        try (var files = Files.list(backups)) {
            underLoad = files.filter(f -> f.getFileName().toString().matches("jdma-\\d{8}T\\d{6}Z\\.(zip|sqlite)")).findFirst().orElseThrow();
        }

        String restored = TestDatabases.of(kind, Files.createDirectories(dir.resolve("restored")));
        JarCommand restore = JarCommand.run(Map.of("JDMA_DB_URL", restored), "restore", underLoad.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("restored " + underLoad + " into " + restored + ": 1 services");
        try (Database database = Database.open(restored, "", "")) {
            Set<String> stored = new HashSet<>(database.dsl().select(Ratings.ID).from(Ratings.TABLE).fetch(Ratings.ID));
            assertThat(stored).containsAll(beforeBackup);
            assertThat(answersCounted(database)).as("the rollups of the copy match its ratings").isEqualTo(stored.size());
        }

        String fresh = TestDatabases.of(kind, Files.createDirectories(dir.resolve("fresh")));
        JarCommand restoreQuiet = JarCommand.run(Map.of("JDMA_DB_URL", fresh), "restore", quiet.toString());
        assertThat(restoreQuiet.exitCode()).as(restoreQuiet.output()).isZero();
        try (CollectorProcess collector = CollectorProcess.start(fresh, dir.resolve("restored.log"), List.of(), Map.of())) {
            assertThat(stats(collector)).isEqualTo(statsBeforeStop);
        }
        try (Database database = Database.open(fresh, "", "")) {
            Set<String> stored = new HashSet<>(database.dsl().select(Ratings.ID).from(Ratings.TABLE).fetch(Ratings.ID));
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void restore_replaces_an_existing_database_only_when_told_to(String kind) throws Exception {
        String url = TestDatabases.of(kind, Files.createDirectories(dir.resolve("db")));
        Path backup = dir.resolve("backup");
        try (var collector = new TestCollector(url).withService("caf")) {
            collector.postRating(TestCollector.rating("caf"));
        }
        JarCommand offline = JarCommand.run(Map.of("JDMA_DB_URL", url, "JDMA_PORT", "1"), "backup", backup.toString());
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).contains("no collector answered");

        JarCommand refused = JarCommand.run(Map.of("JDMA_DB_URL", url), "restore", backup.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("already holds a database", "--force");

        JarCommand forced = JarCommand.run(Map.of("JDMA_DB_URL", url), "restore", backup.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(forced.output()).contains("1 services, 1 ratings");
    }

    private static Map<String, String> commandEnv(CollectorProcess collector, String url) {
        return Map.of("JDMA_PORT", Integer.toString(collector.port()), "JDMA_ADMIN_TOKEN", TestCollector.ADMIN_TOKEN, "JDMA_DB_URL", url);
    }

    private static long answersCounted(Database database) {
        Long counted = database.dsl().select(DSL.sum(DailyRollups.ANSWERS)).from(DailyRollups.TABLE).fetchOne(0, Long.class);
        return counted == null ? 0 : counted;
    }

    private static String stats(CollectorProcess collector) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/stats?service=caf&by=day")))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"answers\":");
        return response.body();
    }

    /** Eight clients posting ratings with varied answers until told to stop. */
    private static ExecutorService post(CollectorProcess collector, AtomicBoolean running, Set<String> acknowledged) {
        ExecutorService posters = Executors.newFixedThreadPool(8);
        String[] satisfaction = {"good", "average", "bad"};
        for (int t = 0; t < 8; t++) {
            int thread = t;
            posters.submit(() -> {
                int n = 0;
                while (running.get()) {
                    String id = UUID.randomUUID().toString();
                    String body = "{\"id\":\"" + id + "\",\"service\":\"caf\",\"location\":\"l" + (thread % 3) + "\",\"satisfaction\":\""
                            + satisfaction[n++ % 3] + "\",\"clarity\":" + (1 + n % 5) + "}";
                    try {
                        var response = HTTP.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                                .header("Content-Type", "text/plain").header("Origin", TestCollector.ORIGIN)
                                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) acknowledged.add(id);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        return posters;
    }
}
