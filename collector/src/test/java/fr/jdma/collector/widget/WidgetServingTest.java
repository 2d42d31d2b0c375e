package fr.jdma.collector.widget;

import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The widget as the collector serves it, and the snippet generator that tells webmasters how to embed it. */
@ExtendWith(CollectorPerTest.class)
class WidgetServingTest {

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector.withService("caf");
    }

    @Test
    void the_widget_is_served_with_a_short_cache_an_ETag_and_CORS_for_every_site() {
        var script = collector.get("/widget/v1/jdma.js", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(script.body()).isNotEmpty();
        String etag = script.headers().firstValue("ETag").orElseThrow();
        var again = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/widget/v1/jdma.js"))).header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void the_generator_writes_the_snippet_and_an_SRI_hash_that_matches_the_immutable_file() throws Exception {
        var page = collector.get("/generateur?service=caf&location=75056&source=button", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/widget/v1/jdma.js&quot; defer data-service=&quot;caf&quot; data-location=&quot;75056&quot;",
                "/avis/caf?location=75056&amp;source=email", "id=\"apercu\"", "data-target=\"#apercu\"");
        Matcher pinned = Pattern.compile("/widget/v([0-9.]+)/jdma.js&quot; defer integrity=&quot;(sha384-[A-Za-z0-9+/=]+)&quot;")
                .matcher(page.body());
        assertThat(pinned.find()).isTrue();
        var file = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/widget/v" + pinned.group(1) + "/jdma.js"))),
                HttpResponse.BodyHandlers.ofByteArray());
        String actual = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(file.body()));
        assertThat(pinned.group(2)).isEqualTo(actual);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    /** Published in the README's pinned snippet of each version: a site that copied it must keep getting those bytes. */
    static final Map<String, String> PUBLISHED = Map.of(
            "1.0.0", "sha384-biG5+jgJF+wPSvZhgJv6IMbXl3+i+3K1iXrXI2yq38iOGxVgiJL/QAGl5xrXaxqX",
            "1.1.0", "sha384-YcOUJyZ3asLPK/P6IADGLLPaYYvlA/IcHtxL7CWt05r50/Fdoluv3dRZYGUF9YLe",
            "1.2.0", "sha384-Nzl6LCP8J6Himr7+DkcpJdeccsAV1vNXnUnCOZ4lmnrEVNy1IFPB+H1sjBX7yu3J",
            "1.2.1", "sha384-EwZYNDMk0KfBBiujJaiYqizvQI6YPEDe/bMil2rBMLWkL1B+n4sjczDxwEeTyVGO");

    @Test
    void every_released_version_stays_served_with_the_bytes_sites_pinned_by_their_hash() throws Exception {
        for (var pinned : PUBLISHED.entrySet()) {
            var file = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/widget/v" + pinned.getKey() + "/jdma.js"))),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(file.statusCode()).as(pinned.getKey()).isEqualTo(200);
            assertThat("sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(file.body())))
                    .as(pinned.getKey()).isEqualTo(pinned.getValue());
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(file.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void a_version_never_released_is_a_404_that_names_the_versions_served() {
        var missing = collector.get("/widget/v1.9.9/jdma.js", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no widget version 1.9.9", "1.0.0, 1.1.0, 1.2.0, 1.2.1");
    }

    @Test
    void the_generator_names_an_unknown_service_and_escapes_what_it_was_given() {
        var page = collector.get("/generateur?service=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null);

        assertThat(page.body()).contains("Aucun service actif", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }
}
