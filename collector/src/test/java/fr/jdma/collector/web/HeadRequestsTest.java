package fr.jdma.collector.web;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HEAD answers what GET answers (status and headers, as curl -I shows them), without the body. */
class HeadRequestsTest {

    @TempDir
    static Path dir;
    static TestCollector collector;

    @BeforeAll
    static void start() {
        collector = new TestCollector(TestDatabases.h2(dir)).withService("caf");
        assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widget/v1/jdma.js", "/health", "/avis/caf", "/generateur?service=caf", "/resultats/caf",
            "/api/v1/public/stats?service=caf", "/api/v1/exports/ratings.csv?service=caf", "/api/v1/stats?service=caf",
            "/api/v1/admin/services", "/assets/form.css", "/metrics", "/api/v1/ratings"})
    void HEAD_answers_the_status_and_headers_of_GET_without_a_body(String path) {
        var get = collector.send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        var head = collector.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.body()).isEmpty();
        for (String name : List.of("Content-Type", "Cache-Control", "ETag", "Content-Disposition", "Access-Control-Allow-Origin")) {
            assertThat(head.headers().allValues(name)).as(name).isEqualTo(get.headers().allValues(name));
        }
    }

    @org.junit.jupiter.api.Test
    void curl_I_on_the_widget_shows_its_ETag_and_Cache_Control() {
        var head = collector.send(request("/widget/v1/jdma.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(head.body()).isEmpty();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(collector.url(path))).header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN);
    }
}
