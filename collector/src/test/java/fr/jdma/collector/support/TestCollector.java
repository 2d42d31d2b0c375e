package fr.jdma.collector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.CollectorApp;
import fr.jdma.collector.Config;
import fr.jdma.collector.storage.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real collector on a random port over a real database, with a small HTTP client.
 * Each test starts its own; nothing is shared.
 */
public final class TestCollector implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String ORIGIN = "https://www.demarches.example.gouv.fr";
    private static final ObjectMapper JSON = fr.jdma.collector.input.JsonMapping.MAPPER;

    private final Database database;
    private final CollectorApp app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestCollector(String dbUrl) {
        this(dbUrl, c -> c, Clock.systemUTC());
    }

    public TestCollector(String dbUrl, UnaryOperator<Config> configure, Clock clock) {
        Config config = configure.apply(config(dbUrl));
        this.database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        this.app = new CollectorApp(config, database, clock).start();
    }

    /**
     * What tests run with, read the way production reads it: the given database, a random port, the
     * known admin token, no rate limit (tests that check it set one); everything else the default.
     */
    public static Config config(String dbUrl) {
        return Config.fromEnv(Map.of("JDMA_DB_URL", dbUrl, "JDMA_PORT", "0", "JDMA_ADMIN_TOKEN", ADMIN_TOKEN, "JDMA_RATE_LIMIT", "0"));
    }

    public Database database() {
        return database;
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    /** Creates a service that accepts ratings from {@link #ORIGIN}. */
    public TestCollector withService(String id) {
        return withService(id, "{\"id\":\"" + id + "\",\"name\":\"Service " + id + "\",\"organisation\":\"Test\","
                + "\"allowedOrigins\":[\"" + ORIGIN + "\"],\"public\":true}");
    }

    public TestCollector withService(String id, String json) {
        HttpResponse<String> created = admin("POST", "/api/v1/admin/services", json);
        if (created.statusCode() != 201) throw new IllegalStateException("could not create service " + id + ": " + created.body());
        return this;
    }

    public HttpResponse<String> postRating(String body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/ratings")))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("Origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    public HttpResponse<String> get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (bearerToken != null) request.header("Authorization", "Bearer " + bearerToken);
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid rating for a service, with a fresh id. */
    public static String rating(String service) {
        return ARating.aRating().with("service", service).json();
    }

    @Override
    public void close() {
        app.close();
    }
}
