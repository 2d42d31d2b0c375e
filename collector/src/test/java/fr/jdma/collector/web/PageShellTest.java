package fr.jdma.collector.web;

import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every HTML page shares one shell and one way out (headers), and HTML routes fail in French. */
@ExtendWith(CollectorPerTest.class)
class PageShellTest {

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector.withService("caf");
    }

    @Test
    void the_hosted_form_the_generator_and_the_results_share_the_shell_and_its_headers() {
        for (String path : List.of("/avis/caf", "/generateur?service=caf", "/resultats/caf")) {
            var page = collector.get(path, null);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(htmlType(page)).as(path).isEqualTo("text/html;charset=utf-8");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(page.headers().firstValue("Cache-Control")).as(path).isPresent();
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(page.body()).as(path).contains("<html lang=\"fr\">", "<meta name=\"viewport\"",
                    "<a class=\"skip\" href=\"#contenu\">", "République<br>française", "<main id=\"contenu\"",
                    "<link rel=\"stylesheet\" href=\"/assets/jdma.css\">", "href=\"/confidentialite\"", "</footer>");
        }
    }

    @Test
    void only_the_page_embedding_the_widget_may_run_a_script_and_only_our_own() {
        assertThat(collector.get("/generateur?service=caf", null).headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        assertThat(collector.get("/avis/caf", null).headers().firstValue("Content-Security-Policy").orElse(""))
                .doesNotContain("script-src");
    }

    @Test
    void the_stylesheet_is_a_static_file_cached_for_an_hour() {
        var css = collector.get("/assets/jdma.css", null);

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.body()).contains(".marianne", ".errors", "caption");
    }

    @Test
    void the_stylesheet_answers_304_to_its_ETag_and_comes_gzipped_to_a_client_that_accepts_it() throws Exception {
        var css = collector.get("/assets/jdma.css", null);
        String etag = css.headers().firstValue("ETag").orElseThrow();

        var again = collector.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(collector.url("/assets/jdma.css")))
                .header("If-None-Match", etag));
        var gzipped = collector.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(collector.url("/assets/jdma.css")))
                .header("Accept-Encoding", "gzip"), java.net.http.HttpResponse.BodyHandlers.ofInputStream());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(gzipped.body())) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(css.body());
        }
        assertThat(collector.get("/assets/other.css", null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_former_stylesheets_redirect_to_the_one_stylesheet() {
        for (String former : List.of("/assets/form.css", "/assets/results.css")) {
            var response = collector.get(former, null);
            assertThat(response.statusCode()).as(former).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(former).hasValue("/assets/jdma.css");
        }
    }

    @Test
    void an_unknown_page_answers_a_French_404_page_in_the_shell() {
        var page = collector.get("/nulle-part", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(htmlType(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<html lang=\"fr\">", "<h1>Page introuvable</h1>", "République<br>française");
    }

    @Test
    void a_wrong_method_on_a_page_answers_a_French_405_page() {
        var page = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/generateur")))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));

        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(htmlType(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"fr\">", "<h1>Action impossible</h1>");
    }

    @Test
    void the_API_keeps_problem_json_for_unknown_paths_and_wrong_methods() {
        HttpResponse<String> unknown = collector.get("/api/v1/nulle-part", null);
        HttpResponse<String> wrongMethod = collector.get("/api/v1/ratings", null);

        assertThat(unknown.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    }

    private static String htmlType(HttpResponse<String> page) {
        return page.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void the_shell_escapes_its_title_and_puts_the_navigation_in_the_header() {
        String html = Page.titled("<Mes services>").navigation("<ul><li>Marie</li></ul>").main("<h1>x</h1>").html();

        assertThat(html).contains("<title>&lt;Mes services&gt; – Je donne mon avis</title>",
                "<nav class=\"nav\" aria-label=\"Menu principal\"><ul><li>Marie</li></ul></nav></div></header>");
    }

    @Test
    void the_components_escape_text() {
        assertThat(Components.errorSummary("Erreurs", Map.of("comment", "<trop long>")))
                .contains("<a href=\"#comment\">&lt;trop long&gt;</a>", "role=\"alert\"");
        assertThat(Components.summaryList(Map.of("Nom", "<b>")))
                .isEqualTo("<dl class=\"summary\"><dt>Nom</dt><dd>&lt;b&gt;</dd></dl>");
        assertThat(Components.table("Lieux", List.of("Lieu", "Avis"), List.of(List.of("<Paris>", "3"))))
                .contains("<caption>Lieux</caption>", "<th scope=\"col\">Lieu</th>", "<th scope=\"row\">&lt;Paris&gt;</th><td>3</td>");
    }
}
