package fr.jdma.collector.storage;

import fr.jdma.collector.support.TcpProxy;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopping, seen through a proxy the test cuts (connections reset, new ones refused,
 * as when the server stops): ratings get a fast 503 with Retry-After, /health says what is wrong
 * within a second, and everything resumes by itself once the server is back.
 */
class PostgresOutageTest {

    @Test
    void while_PostgreSQL_is_down_posts_get_a_fast_503_health_says_why_and_all_resumes_when_it_is_back() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            String url = TestDatabases.postgres().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
            try (TestCollector collector = new TestCollector(url).withService("caf")) {
                List<String> stored = new ArrayList<>();
                stored.add(postCreated(collector));

                proxy.cut();

                var first = timed(() -> collector.postRating(TestCollector.rating("caf")));
                assertThat(first.response.statusCode()).as(first.response.body()).isEqualTo(503);
                assertThat(first.response.headers().firstValue("Retry-After")).isPresent();
                assertThat(first.took).as("the first post after the cut").isLessThan(Duration.ofSeconds(5));
                for (int i = 0; i < 5; i++) {
                    var next = timed(() -> collector.postRating(TestCollector.rating("caf")));
                    assertThat(next.response.statusCode()).isEqualTo(503);
                    assertThat(next.response.headers().firstValue("Retry-After")).isPresent();
                    assertThat(next.took).as("a post while the outage is known").isLessThan(Duration.ofSeconds(1));
                    var health = timed(() -> collector.get("/health", null));
                    assertThat(health.response.statusCode()).isEqualTo(503);
                    assertThat(health.took).as("/health during the outage").isLessThan(Duration.ofSeconds(1));
                    assertThat(json(health.response).get("status").asText()).isEqualTo("down");
                    assertThat(json(health.response).get("database").asText()).isEqualTo("postgres");
                    assertThat(json(health.response).get("error").asText()).isNotBlank();
                }
                // a service not in the catalogue cache needs the database: still a 503, never a 500
                var uncached = collector.postRating(TestCollector.rating("not-cached"));
                assertThat(uncached.statusCode()).as(uncached.body()).isEqualTo(503);
                // a streamed answer whose first query fails is the usual 503, never a 200 cut short
                for (String path : List.of("/api/v1/stats?service=caf&by=month", "/api/v1/stats.csv?service=caf",
                        "/api/v1/exports/ratings.csv?service=caf")) {
                    var streamed = collector.get(path, TestCollector.ADMIN_TOKEN);
                    assertThat(streamed.statusCode()).as(path + ": " + streamed.body()).isEqualTo(503);
                    assertThat(streamed.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).contains("json"));
                    assertThat(streamed.headers().firstValue("Content-Disposition")).as(path).isEmpty();
                }

                proxy.restore();
                long restored = System.nanoTime();

                stored.add(awaitCreated(collector, Duration.ofSeconds(20)));
                System.out.printf("figure: PostgreSQL cut: first post answered 503 in %d ms; ratings stored again %d ms after it came back%n",
                        first.took.toMillis(), (System.nanoTime() - restored) / 1_000_000);
                assertThat(collector.get("/health", null).statusCode()).isEqualTo(200);
                for (int i = 0; i < 5; i++) stored.add(postCreated(collector));
                assertThat(collector.database().dsl().fetchCount(Schema.Ratings.TABLE)).isEqualTo(stored.size());
            }
        }
    }

    static String postCreated(TestCollector collector) {
        String id = UUID.randomUUID().toString();
        var response = collector.postRating("{\"id\":\"" + id + "\",\"service\":\"caf\",\"satisfaction\":\"good\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    /** Posts until a 201 (the outage ends by itself, a probe at a time); every other answer is a 503. */
    static String awaitCreated(TestCollector collector, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String id = UUID.randomUUID().toString();
            var response = collector.postRating("{\"id\":\"" + id + "\",\"service\":\"caf\",\"satisfaction\":\"good\"}");
            if (response.statusCode() == 201) return id;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(System.nanoTime()).as("the collector did not recover within %s", within).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    record Timed(HttpResponse<String> response, Duration took) {
    }

    static Timed timed(java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
