package fr.jdma.collector.storage;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database's disk fills up (a 20 MB tmpfs): no 201 is given for a rating that is not on
 * disk, ratings and /health answer 503 with Retry-After (never 500), no trace file grows, and
 * the collector takes ratings again by itself once space is back.
 */
class FullDiskTest {

    static final String COMMENT = "x".repeat(1500);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "sqlite"})
    void a_full_disk_gives_503_and_loses_no_acknowledged_rating_and_recovers_once_space_is_back(String kind) throws Exception {
        Path mount = Files.createDirectories(Path.of("target", "full-disk", kind + "-" + UUID.randomUUID())).toAbsolutePath();
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", mount.toString()),
                "SKIPPED: cannot mount a 20 MB tmpfs at " + mount + " (needs root or CAP_SYS_ADMIN): the full-disk test did NOT run");
        try {
            String url = TestDatabases.of(kind, mount);
            Set<String> acknowledged = new HashSet<>();
            try (TestCollector collector = new TestCollector(url).withService("caf").withService("impots")) {
                Path filler = mount.resolve("filler");
                fillLeaving(filler, mount, 1024 * 1024);

                int unavailable = 0;
                for (int i = 0; i < 5000 && unavailable < 20; i++) {
                    String id = UUID.randomUUID().toString();
                    var response = collector.postRating(rating(id, "caf"));
                    if (response.statusCode() == 201) {
                        acknowledged.add(id);
                    } else {
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                        unavailable++;
                    }
                }
                assertThat(unavailable).as("the disk never filled up").isEqualTo(20);

                // a service the catalogue has not cached needs a read: still a 503, never a 500
                var uncached = collector.postRating(rating(UUID.randomUUID().toString(), "impots"));
                assertThat(uncached.statusCode()).as(uncached.body()).isEqualTo(503);
                assertThat(uncached.headers().firstValue("Retry-After")).isPresent();
                var health = collector.get("/health", null);
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(json(health).get("status").asText()).isEqualTo("down");
                assertThat(json(health).get("error").asText()).isNotBlank();
                Thread.sleep(2_000); // a few probes fail meanwhile: nothing may grow
                assertThat(traceBytes(mount)).as("H2 trace files").isLessThan(64 * 1024);

                Files.delete(filler);
                long freed = System.nanoTime();

                acknowledged.add(awaitCreated(collector, Duration.ofSeconds(30)));
                System.out.printf("figure: %s full disk: %d ratings acknowledged before it filled; stored again %d ms after space came back%n",
                        kind, acknowledged.size() - 1, (System.nanoTime() - freed) / 1_000_000);
                assertThat(collector.get("/health", null).statusCode()).isEqualTo(200);
                for (int i = 0; i < 10; i++) {
                    String id = UUID.randomUUID().toString();
                    assertThat(collector.postRating(rating(id, "impots")).statusCode()).isEqualTo(201);
                    acknowledged.add(id);
                }
            }
            try (TestCollector restarted = new TestCollector(url)) {
                var ids = restarted.database().dsl().select(Schema.Ratings.ID).from(Schema.Ratings.TABLE)
                        .fetchSet(Schema.Ratings.ID);
                assertThat(ids).as("every acknowledged rating is on disk after a restart").containsAll(acknowledged);
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    static String rating(String id, String service) {
        return "{\"id\":\"" + id + "\",\"service\":\"" + service + "\",\"satisfaction\":\"good\",\"comment\":\"" + COMMENT + "\"}";
    }

    static String awaitCreated(TestCollector collector, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String id = UUID.randomUUID().toString();
            var response = collector.postRating(rating(id, "caf"));
            if (response.statusCode() == 201) return id;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(System.nanoTime()).as("the collector did not recover within %s", within).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    static void fillLeaving(Path filler, Path mount, long leave) throws IOException {
        long toWrite = Files.getFileStore(mount).getUsableSpace() - leave;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, toWrite - written));
            }
        }
    }

    static long traceBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".trace.db"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        boolean ok = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        if (!ok) System.err.println(String.join(" ", command) + ": " + output);
        return ok;
    }
}
