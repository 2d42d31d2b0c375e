package fr.jdma.collector.backup;

import fr.jdma.collector.support.JarCommand;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's PostgreSQL backup: pg_dump in custom format, pg_restore into a new database, a collector on it. */
class PostgresBackupIT {

    private static final String SERVER = "postgresql://postgres@127.0.0.1:5432/";

    @TempDir
    Path dir;

    @Test
    void pg_dump_and_pg_restore_bring_back_every_rating_and_the_same_indicators() throws Exception {
        String url = TestDatabases.postgres();
        String schema = url.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
        String stats;
        try (var collector = new TestCollector(url).withService("caf")) {
            for (int i = 0; i < 30; i++) {
                String satisfaction = i % 3 == 0 ? "bad" : "good";
                assertThat(collector.postRating("{\"id\":\"" + UUID.randomUUID() + "\",\"service\":\"caf\",\"satisfaction\":\""
                        + satisfaction + "\",\"clarity\":" + (1 + i % 5) + "}").statusCode()).isEqualTo(201);
            }
            stats = collector.get("/api/v1/stats?service=caf&by=day", TestCollector.ADMIN_TOKEN).body();
        }
        Path dump = dir.resolve("jdma.dump");
        String restored = "jdma_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        run("pg_dump", "--format=custom", "--schema=" + schema, "--file=" + dump, SERVER + "test");
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", restored);
        try {
            run("pg_restore", "--no-owner", "--dbname=" + SERVER + restored, dump.toString());
            String restoredUrl = "jdbc:postgresql://127.0.0.1:5432/" + restored + "?currentSchema=" + schema + "&user=postgres";
            try (var collector = new TestCollector(restoredUrl)) {
                assertThat(collector.get("/api/v1/stats?service=caf&by=day", TestCollector.ADMIN_TOKEN).body()).isEqualTo(stats);
                assertThat(collector.database().dsl().fetchCount(fr.jdma.collector.storage.Schema.Ratings.TABLE)).isEqualTo(30);
            }
            // the collector's own backup command points PostgreSQL users to the same tools
            JarCommand backup = JarCommand.run(Map.of("JDMA_DB_URL", restoredUrl, "JDMA_PORT", "1"), "backup", dir.resolve("x").toString());
            assertThat(backup.exitCode()).isEqualTo(2);
            assertThat(backup.output()).contains("pg_dump");
        } finally {
            run("dropdb", "-h", "127.0.0.1", "-U", "postgres", restored);
        }
        assertThat(stats).contains("\"answers\":30");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
