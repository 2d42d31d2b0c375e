package fr.jdma.collector.backup;

import fr.jdma.collector.Config;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Dialect;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.PrometheusText;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledBackupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void the_scheduled_backup_keeps_the_newest_copies_and_each_restores(String kind) throws Exception {
        Path backups = dir.resolve("backups");
        String url = TestDatabases.of(kind, Files.createDirectories(dir.resolve("db")));
        var settings = new Config.Backups(Optional.of(backups), 2, Duration.ofSeconds(1));
        try (var collector = new TestCollector(url, c -> c.withBackups(settings), Clock.systemUTC()).withService("caf")) {
            assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (backupsWritten(collector) < 4 && System.nanoTime() < deadline) Thread.sleep(200);
            assertThat(backupsWritten(collector)).isGreaterThanOrEqualTo(4);
        }
        List<Path> kept;
        try (Stream<Path> files = Files.list(backups)) {
            kept = files.sorted().toList();
        }
        assertThat(kept).hasSize(2).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("jdma-\\d{8}T\\d{6}Z\\.(zip|sqlite)"));

        String restored = TestDatabases.of(kind, Files.createDirectories(dir.resolve("restored")));
        Dialect.of(restored).restore(kept.get(1), restored);
        try (Database database = Database.open(restored, "", "")) {
            assertThat(database.dsl().fetchCount(Ratings.TABLE)).isEqualTo(1);
        }
    }

    @Test
    void a_scheduled_backup_of_PostgreSQL_is_refused_at_start_with_the_way_to_back_it_up() {
        var settings = new Config.Backups(Optional.of(dir), 2, Duration.ofHours(1));
        assertThatThrownBy(() -> new TestCollector(TestDatabases.postgres(), c -> c.withBackups(settings), Clock.systemUTC()))
                .hasMessageContaining("JDMA_BACKUP_DIR works with H2 and SQLite").hasMessageContaining("pg_dump");
    }

    @Test
    void backup_settings_are_read_from_the_environment_and_wrong_ones_named() {
        Config config = Config.fromEnv(Map.of("JDMA_BACKUP_DIR", "/var/backups/jdma", "JDMA_BACKUP_KEEP", "14", "JDMA_BACKUP_EVERY", "6h"));
        assertThat(config.backups()).isEqualTo(new Config.Backups(Optional.of(Path.of("/var/backups/jdma")), 14, Duration.ofHours(6)));
        assertThat(Config.fromEnv(Map.of()).backups().dir()).isEmpty();
        assertThatThrownBy(() -> Config.fromEnv(Map.of("JDMA_BACKUP_EVERY", "6 hours")))
                .hasMessageContaining("JDMA_BACKUP_EVERY must be a number and a unit");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("JDMA_BACKUP_KEEP", "0"))).hasMessageContaining("JDMA_BACKUP_KEEP must be 1 or more");
    }

    private static double backupsWritten(TestCollector collector) {
        return PrometheusText.parse(collector.get("/metrics", null).body()).value("jdma_backups_total");
    }
}
