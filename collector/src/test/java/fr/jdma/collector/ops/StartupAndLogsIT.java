package fr.jdma.collector.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.support.CollectorProcess;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar as an administrator runs it: waiting for its database at start, and what it writes to its log. */
class StartupAndLogsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_database_that_never_comes_stops_the_start_with_one_clear_line_after_the_wait() throws Exception {
        int nothing = CollectorProcess.freePort();
        Path log = dir.resolve("collector.log");
        CollectorProcess collector = CollectorProcess.launch("jdbc:postgresql://127.0.0.1:" + nothing + "/test?user=postgres", log,
                List.of(), Map.of("JDMA_DB_WAIT_SECONDS", "3"));

        assertThat(collector.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(collector.process().exitValue()).isEqualTo(1);
        String written = Files.readString(log);
        assertThat(written).contains("database not reachable yet", "retrying every 2 s for up to 3 s",
                "not started: the postgres database is not reachable after waiting 3 s (JDMA_DB_WAIT_SECONDS)");
        assertThat(written).doesNotContain("\tat ", "Exception in thread");
    }

    @Test
    void the_collector_waits_for_a_database_that_comes_up_after_it() throws Exception {
        int port = CollectorProcess.freePort();
        Path log = dir.resolve("collector.log");
        String url = TestDatabases.postgres().replace("127.0.0.1:5432", "127.0.0.1:" + port);
        try (CollectorProcess collector = CollectorProcess.launch(url, log, List.of(), Map.of("JDMA_DB_WAIT_SECONDS", "120"))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.readString(log).contains("database not reachable yet") && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(Files.readString(log)).contains("database not reachable yet");
            assertThat(collector.process().isAlive()).isTrue();

            try (Forwarder ignored = new Forwarder(port, 5432)) {  // PostgreSQL "starts" on that port
                collector.awaitHealthy(Duration.ofMinutes(1));
                assertThat(Files.readString(log)).contains("database reachable after").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void json_logs_hold_one_event_per_line_and_never_a_comment_a_token_or_an_address() throws Exception {
        Path log = dir.resolve("collector.log");
        String secretComment = "Mon dossier ZXCV-4242 est bloqué";
        try (CollectorProcess collector = CollectorProcess.start(TestDatabases.h2(dir), log, List.of(), Map.of("JDMA_LOG_FORMAT", "json"))) {
            assertThat(send(collector, "POST", "/api/v1/admin/services", "{\"id\":\"caf\",\"name\":\"CAF\",\"allowedOrigins\":[\""
                    + TestCollector.ORIGIN + "\"]}", TestCollector.ORIGIN).statusCode()).isEqualTo(201);
            assertThat(send(collector, "POST", "/api/v1/ratings", "{\"service\":\"caf\",\"satisfaction\":\"good\",\"comment\":\""
                    + secretComment + "\"}", TestCollector.ORIGIN).statusCode()).isEqualTo(201);
            assertThat(send(collector, "POST", "/api/v1/ratings", "{\"service\":\"caf\",\"satisfaction\":\"bof\",\"comment\":\""
                    + secretComment + "\"}", TestCollector.ORIGIN).statusCode()).isEqualTo(400);
            assertThat(send(collector, "POST", "/api/v1/ratings", "{\"service\":\"caf\",\"satisfaction\":\"good\"}",
                    "https://evil.example").statusCode()).isEqualTo(403);
            assertThat(send(collector, "POST", "/api/v1/ratings", "{not json", TestCollector.ORIGIN).statusCode()).isEqualTo(400);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/admin/services")))
                    .header("Authorization", "Bearer wrong-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            abortMidRequest(collector);
            assertThat(collector.terminate()).isIn(0, 143);
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) events.add(JSON.readTree(line));  // every line is one JSON event
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(e.path("level").asText()).isIn("ERROR", "WARN", "INFO", "DEBUG");
            assertThat(e.has("logger") && e.has("message")).isTrue();
            assertThat(e.has("stack")).as("no stack trace for expected client behaviour: %s", e).isFalse();
        });
        assertThat(events).extracting(e -> e.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("Je donne mon avis collector listening on port " ))
                .anySatisfy(m -> assertThat(m).isEqualTo("refused origins in the last 5 min: https://evil.example ×1"))
                .anySatisfy(m -> assertThat(m).isEqualTo("stopped: 1 ratings written in 1 group commits since start"));
        String all = Files.readString(log);
        assertThat(all).doesNotContain("ZXCV", TestCollector.ADMIN_TOKEN, "wrong-token", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    private static HttpResponse<String> send(CollectorProcess collector, String method, String path, String body, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(collector.url(path)))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN).header("Origin", origin)
                .header("Content-Type", path.contains("admin") ? "application/json" : "text/plain")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client that announces a body and goes away halfway through it. */
    private static void abortMidRequest(CollectorProcess collector) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", collector.port())) {
            socket.getOutputStream().write(("POST /api/v1/ratings HTTP/1.1\r\nHost: localhost\r\nOrigin: " + TestCollector.ORIGIN
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n{\"service\":\"caf\",").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        Thread.sleep(500);
    }

    /** A TCP port that leads to another: the database appearing at the address the collector waits on. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;

        Forwarder(int port, int target) throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", port));
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket("127.0.0.1", target);
                        pipe(client.getInputStream(), upstream.getOutputStream());
                        pipe(upstream.getInputStream(), client.getOutputStream());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void pipe(InputStream in, OutputStream out) {
            daemon(() -> {
                try (in; out) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // one side closed
                }
            });
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "forwarder");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
