package fr.jdma.collector.export;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Services;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports stream: a million ratings go out through a collector limited to a 64 MB heap,
 * which could not hold them (the CSV alone is over 100 MB, the XLSX sheet's XML several times
 * that). One database and one collector serve both files. Runs against the packaged jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportOfAMillionRatingsIT {

    static final int ROWS = 1_000_000;
    static final String ADMIN = "it-admin-token";

    /** The database and the downloaded files: one directory for the class (@TempDir on a @BeforeAll parameter). */
    Path dir;
    Path log;
    Process collector;
    int port;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void startACollectorOverAMillionRatings(@TempDir Path dir) throws Exception {
        this.dir = dir;
        String url = TestDatabases.h2(dir);
        insertRatings(url);
        port = freePort();
        log = dir.resolve("collector.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JDMA_PORT", Integer.toString(port));
        builder.environment().put("JDMA_DB_URL", url);
        builder.environment().put("JDMA_ADMIN_TOKEN", ADMIN);
        collector = builder.start();
        awaitHealthy(http, port, collector, log);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (collector == null) return;
        collector.destroy();
        collector.waitFor(20, TimeUnit.SECONDS);
    }

    /** Sends the export request and counts its rows; a broken-off body fails with the collector's state and log. */
    <T> void export(String path, HttpResponse.BodyHandler<T> handler, ThrowingFunction<T, Long> count, long expected) throws Exception {
        long counted;
        try {
            HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + ADMIN).build(), handler);
            assertThat(response.statusCode()).isEqualTo(200);
            counted = count.apply(response.body());
        } catch (IOException e) {
            collector.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("the export broke off (" + e + "); the collector "
                    + (collector.isAlive() ? "is still running" : "exited with " + collector.exitValue())
                    + "; its log:\n" + Files.readString(log), e);
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(collector.isAlive()).as("collector still running; its log:%n%s", Files.readString(log)).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    interface ThrowingFunction<T, R> {
        R apply(T value) throws IOException;
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void a_million_ratings_export_through_a_64_MB_heap_without_running_out_of_memory() throws Exception {
        export("/api/v1/exports/ratings.csv?service=caf", HttpResponse.BodyHandlers.ofInputStream(),
                ExportOfAMillionRatingsIT::countLines, ROWS + 1);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void a_million_ratings_export_as_xlsx_through_a_64_MB_heap_on_one_sheet() throws Exception {
        Path xlsx = dir.resolve("export.xlsx");
        export("/api/v1/exports/ratings.xlsx?service=caf", HttpResponse.BodyHandlers.ofFile(xlsx),
                file -> countSheetRows(file, "xl/worksheets/sheet1.xml"), ROWS + 1L);
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            assertThat(zip.getEntry("xl/worksheets/sheet2.xml")).as("a second sheet").isNull();
        }
    }

    /** The rows of one sheet of a workbook, counted as its XML streams by. */
    static long countSheetRows(Path xlsx, String sheet) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry entry = zip.getEntry(sheet);
            assertThat(entry).as(sheet).isNotNull();
            byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
            long rows = 0;
            int matched = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                        if (matched == pattern.length) {
                            rows++;
                            matched = 0;
                        }
                    }
                }
            }
            return rows;
        }
    }

    static String jar() {
        String jar = System.getProperty("jdma.jar");
        assertThat(jar).as("system property jdma.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        return jar;
    }

    /** Migrates the schema, then writes the ratings with plain JDBC batches: HTTP would take minutes. */
    static void insertRatings(String url) throws Exception {
        try (Database database = Database.open(url, "", "")) {
            database.dsl().insertInto(Services.TABLE)
                    .set(Services.ID, "caf").set(Services.NAME, "CAF").set(Services.ORGANISATION, "CNAF")
                    .set(Services.ALLOWED_ORIGINS, "*").set(Services.PUBLIC_RESULTS, false)
                    .set(Services.HIDDEN_QUESTIONS, "").set(Services.ENABLED, true)
                    .set(Services.CREATED_AT, 0L).set(Services.UPDATED_AT, 0L).execute();
            database.dsl().connection(connection -> insert(connection));
        }
    }

    private static void insert(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        long start = Instant.parse("2025-04-01T00:00:00Z").toEpochMilli();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ratings (id, received_at, service, location, "
                + "source, satisfaction, clarity, help, help_reached, help_quality, comment, flags, page, lang) "
                + "VALUES (?, ?, 'caf', ?, 'button', ?, ?, ?, ?, ?, ?, NULL, ?, 'fr')")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setString(1, String.format("00000000-0000-4000-8000-%012d", i));
                insert.setLong(2, start + i * 30_000L);
                insert.setString(3, "caf-" + (i % 100));
                insert.setString(4, i % 3 == 0 ? "good" : i % 3 == 1 ? "average" : "bad");
                insert.setShort(5, (short) (1 + i % 5));
                insert.setString(6, i % 2 == 0 ? "none" : "counter|phone");
                if (i % 2 == 0) insert.setNull(7, java.sql.Types.BOOLEAN); else insert.setBoolean(7, i % 4 == 1);
                if (i % 2 == 0) insert.setNull(8, java.sql.Types.SMALLINT); else insert.setShort(8, (short) (1 + i % 5));
                insert.setString(9, i % 10 == 0 ? "Délai trop long, \"vraiment\" 😕 n°" + i : null);
                insert.setString(10, "https://www.caf.fr/allocataires/mes-services-en-ligne");
                insert.addBatch();
                if (i % 10_000 == 9_999) insert.executeBatch();
                if (i % 100_000 == 99_999) connection.commit();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    static long countLines(InputStream body) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
            }
        }
        return lines;
    }

    static void awaitHealthy(HttpClient http, int port, Process collector, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(collector.isAlive()).as("collector exited; its log:%n%s", Files.readString(log)).isTrue();
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("collector not healthy after 60 s; its log:\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
