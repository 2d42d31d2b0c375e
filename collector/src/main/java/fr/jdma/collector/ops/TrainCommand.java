package fr.jdma.collector.ops;

import fr.jdma.collector.CollectorApp;
import fr.jdma.collector.Config;
import fr.jdma.collector.storage.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=jdma-collector.jsa -jar jdma-collector.jar train}: starts a collector on a
 * temporary H2 database, sends it the usual requests over HTTP (a service created, ratings, the hosted form, the
 * widget, indicators, exports, public results, pages), stops it and exits. The JVM then writes every class the run
 * loaded into the archive, and a collector started with {@code -XX:SharedArchiveFile=jdma-collector.jsa} maps them
 * instead of reading, verifying and linking them from the jar (bench/findings.md, "Start").
 *
 * <p>Nothing of the run is kept and no JDMA_* setting is read: the production database is never opened.
 */
public final class TrainCommand {

    private static final String TOKEN = "train-" + UUID.randomUUID();
    private static final String SERVICE = "entrainement";
    private static final String ORIGIN = "https://entrainement.example.fr";
    /** Ratings sent, {@link #IN_FLIGHT} at a time: the group-commit writer takes several per batch, as under load. */
    private static final int RATINGS = 120;
    private static final int IN_FLIGHT = 20;

    private TrainCommand() {
    }

    /** Returns 0 when every request got the answer it should, 1 otherwise (the archive is written either way). */
    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        if (!args.isEmpty()) throw new IllegalArgumentException("usage: train (no arguments)");
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory("jdma-train-");
        List<String> failures = new ArrayList<>();
        int requests;
        try {
            Config config = Config.fromEnv(Map.of("JDMA_DB_URL", "jdbc:h2:file:" + folder.resolve("jdma"), "JDMA_PORT", "0",
                    "JDMA_ADMIN_TOKEN", TOKEN, "JDMA_RATE_LIMIT", "0"));
            Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
            try (CollectorApp app = new CollectorApp(config, database, Clock.systemUTC()).start()) {
                Requests http = new Requests("http://127.0.0.1:" + app.port(), failures);
                exercise(http);
                requests = http.sent;
            }
        } finally {
            deleteTree(folder);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        failures.forEach(failure -> out.println("train: unexpected answer: " + failure));
        out.println("train: " + requests + " requests in " + millis + " ms" + (failures.isEmpty() ? "" : ", " + failures.size() + " unexpected"));
        return failures.isEmpty() ? 0 : 1;
    }

    /** The paths a collector serves in its first minutes: each once, the ratings by the hundred (their classes are what the archive keeps). */
    private static void exercise(Requests http) throws IOException, InterruptedException {
        String json = "application/json";
        http.expect(200, "GET", "/health", null, null);
        http.expect(201, "POST", "/api/v1/admin/services", json, "{\"id\":\"" + SERVICE + "\",\"name\":\"Entraînement\","
                + "\"organisation\":\"Test\",\"allowedOrigins\":[\"" + ORIGIN + "\"],\"public\":true}");
        http.expect(200, "GET", "/api/v1/admin/services", null, null);
        http.expect(200, "GET", "/api/v1/public/services/" + SERVICE, null, null);
        http.expect(200, "GET", "/widget/v1/jdma.js", null, null);
        http.expect(204, "OPTIONS", "/api/v1/ratings", null, null);
        String[] satisfaction = {"good", "average", "bad"};
        String[] locations = {"75056", "13055", "69123", "33063"};
        List<String> ratings = new ArrayList<>();
        for (int i = 0; i < RATINGS; i++) {
            ratings.add("{\"id\":\"" + UUID.randomUUID() + "\",\"service\":\"" + SERVICE + "\",\"satisfaction\":\""
                    + satisfaction[i % 3] + "\",\"clarity\":" + (1 + i % 5) + ",\"help\":[\"phone\"],\"helpReached\":true,"
                    + "\"helpQuality\":" + (1 + i % 5) + ",\"location\":\"" + locations[i % locations.length] + "\",\"source\":\"web\","
                    + "\"comment\":\"Merci, démarche claire n°" + i + " ; joignable au 06 12 34 56 78\",\"page\":\"" + ORIGIN + "/demarche\","
                    + "\"lang\":\"fr\"}");
        }
        for (int from = 0; from < RATINGS; from += IN_FLIGHT) {
            http.expectAll(201, "POST", "/api/v1/ratings", "text/plain;charset=UTF-8", ratings.subList(from, Math.min(RATINGS, from + IN_FLIGHT)));
        }
        http.expect(400, "POST", "/api/v1/ratings", "text/plain;charset=UTF-8", "{\"service\":");
        http.expect(200, "GET", "/avis/" + SERVICE, null, null);
        http.expect(303, "POST", "/avis/" + SERVICE, "application/x-www-form-urlencoded",
                "id=" + UUID.randomUUID() + "&satisfaction=good&clarity=4&comment=Bien");
        http.expect(200, "GET", "/avis/" + SERVICE + "/merci", null, null);
        for (String query : List.of("by=location", "by=month", "by=month&location=*", "by=day", "")) {
            http.expect(200, "GET", "/api/v1/stats?service=" + SERVICE + (query.isEmpty() ? "" : "&" + query), null, null);
        }
        http.expect(200, "GET", "/api/v1/stats.csv?service=" + SERVICE + "&by=location", null, null);
        http.expect(200, "GET", "/api/v1/stats.xlsx?service=" + SERVICE + "&by=month", null, null);
        http.expect(200, "GET", "/api/v1/exports/ratings.csv?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/api/v1/exports/ratings.xlsx?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/api/v1/moderation?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/resultats/" + SERVICE, null, null);
        http.expect(200, "GET", "/api/v1/public/stats?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/api/v1/public/opendata.csv?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/generateur?service=" + SERVICE, null, null);
        http.expect(200, "GET", "/confidentialite", null, null);
        http.expect(200, "GET", "/admin", null, null);
        http.expect(404, "GET", "/nulle-part", null, null);
        http.expect(200, "GET", "/metrics", null, null);
        http.expect(200, "GET", "/health", null, null);
    }

    /** A small HTTP client that notes each answer other than the expected one. */
    private static final class Requests {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final List<String> failures;
        private int sent;

        Requests(String base, List<String> failures) {
            this.base = base;
            this.failures = failures;
        }

        void expect(int status, String method, String path, String contentType, String body) throws IOException, InterruptedException {
            check(status, method, path, client.send(request(method, path, contentType, body), HttpResponse.BodyHandlers.ofByteArray()));
        }

        /** The same request with each body, all in flight at once. */
        void expectAll(int status, String method, String path, String contentType, List<String> bodies) {
            List<CompletableFuture<HttpResponse<byte[]>>> answers = bodies.stream()
                    .map(body -> client.sendAsync(request(method, path, contentType, body), HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();
            answers.forEach(answer -> check(status, method, path, answer.join()));
        }

        private HttpRequest request(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN).header("Origin", ORIGIN)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) request.header("Content-Type", contentType);
            return request.build();
        }

        private void check(int status, String method, String path, HttpResponse<byte[]> response) {
            sent++;
            if (response.statusCode() != status) failures.add(method + " " + path + " answered " + response.statusCode() + ", not " + status);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
