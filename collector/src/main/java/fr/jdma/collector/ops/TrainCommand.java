package fr.jdma.collector.ops;

import fr.jdma.collector.CollectorApp;
import fr.jdma.collector.Config;
import fr.jdma.collector.storage.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                Requests http = new Requests(app.port(), failures);
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
    private static void exercise(Requests http) throws IOException {
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

    /**
     * A small HTTP/1.1 client over plain sockets that notes each answer other than the expected one. Not the JDK's
     * HttpClient: the archive keeps every class the training run loads, and that client and the TLS it sets up were
     * about 700 classes that a collector never loads (bench/findings.md, eighth round).
     */
    private static final class Requests {
        private final int port;
        private final List<String> failures;
        private int sent;

        Requests(int port, List<String> failures) {
            this.port = port;
            this.failures = failures;
        }

        void expect(int status, String method, String path, String contentType, String body) throws IOException {
            expectAll(status, method, path, contentType, Collections.singletonList(body));  // body may be null: List.of refuses it
        }

        /** The same request with each body, all in flight at once (one connection each). */
        void expectAll(int status, String method, String path, String contentType, List<String> bodies) throws IOException {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (String body : bodies) {
                    Socket socket = new Socket();
                    sockets.add(socket);
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write(request(method, path, contentType, body));
                }
                for (Socket socket : sockets) check(status, method, path, statusOf(socket.getInputStream().readAllBytes()));
            } finally {
                for (Socket socket : sockets) socket.close();
            }
        }

        private static byte[] request(String method, String path, String contentType, String body) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nOrigin: " + ORIGIN + "\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
            byte[] head8 = head.getBytes(StandardCharsets.UTF_8);
            byte[] request = Arrays.copyOf(head8, head8.length + content.length);
            System.arraycopy(content, 0, request, head8.length, content.length);
            return request;
        }

        /** The status code of a whole answer ("HTTP/1.1 201 Created..."), or -1 when there is none. */
        private static int statusOf(byte[] answer) {
            String line = new String(answer, 0, Math.min(answer.length, 16), StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
        }

        private void check(int status, String method, String path, int answered) {
            sent++;
            if (answered != status) failures.add(method + " " + path + " answered " + answered + ", not " + status);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
