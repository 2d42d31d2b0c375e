package fr.jdma.collector.results;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.ARating;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class PublicResultsTest {

    static final String PUBLIC_SERVICE = "{\"id\":\"caf\",\"name\":\"Allocations <script>alert(1)</script> & co\","
            + "\"organisation\":\"CNAF \\\"Île-de-France\\\"\",\"allowedOrigins\":[\"" + TestCollector.ORIGIN + "\"],\"public\":true}";

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-31T12:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock)
                .withService("caf", PUBLIC_SERVICE)
                .withService("prive", "{\"id\":\"prive\",\"name\":\"Privé\",\"organisation\":\"X\",\"public\":false}")
                .withService("ferme", "{\"id\":\"ferme\",\"name\":\"Fermé\",\"organisation\":\"X\",\"public\":true,\"enabled\":false}");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    /** Stores ratings and their rollups as ingest does, without HTTP: hundreds are needed. */
    void store(String location, String at, int good, int average, int bad) {
        List<Rating> ratings = new ArrayList<>();
        Rating.Satisfaction[] kinds = Rating.Satisfaction.values();
        int[] numbers = {good, average, bad};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < numbers[k]; i++) {
                ratings.add(ARating.aRating().with("location", location).with("satisfaction", kinds[k].wire()).at(at));
            }
        }
        new RatingStore(collector.database()).insert(ratings);
    }

    HttpResponse<String> page(String service) {
        return collector.get("/resultats/" + service, null);
    }

    @Test
    void the_page_shows_answers_score_and_level_per_location_over_the_last_12_months() {
        store("caf-94", "2026-03-01T10:00:00Z", 90, 8, 2);   // 100 answers: (900 + 40) / 100 = 9.4
        store("caf-94", "2025-03-31T23:59:59Z", 0, 0, 50);   // 12 months and a day ago: left out
        store("caf-75", "2025-04-01T00:00:00Z", 30, 40, 30); // 100 answers on the window's first day: 5.0

        var response = page("caf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = response.body();
        assertThat(html).contains("<html lang=\"fr\">", "République<br>française", "du 1 avril 2025 au 31 mars 2026");
        assertThat(html).contains("<caption>", "<th scope=\"row\">caf-94</th><td>100</td><td>9,4</td><td>Très bien</td>");
        assertThat(html).contains("<th scope=\"row\">caf-75</th><td>100</td><td>5,0</td><td>Insuffisant</td>");
    }

    @Test
    void the_chart_is_inline_SVG_drawn_by_the_server_with_a_title_and_no_script() {
        store("caf-94", "2026-03-01T10:00:00Z", 100, 0, 0);

        String html = page("caf").body();

        assertThat(html).contains("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"",
                "<title id=\"chart-title\">", "caf-94 : 10,0 sur 10, Très bien", "<rect ");
        assertThat(html).doesNotContain("<script", "style=", "<style");
    }

    @Test
    void a_location_under_100_answers_shows_Nombre_d_avis_insuffisant_and_its_score_appears_nowhere() {
        store("caf-94", "2026-03-01T10:00:00Z", 20, 34, 45); // 99 answers: (200 + 170) / 99 = 3.7

        var html = page("caf").body();
        var api = collector.get("/api/v1/public/stats?service=caf", null).body();

        assertThat(html).contains("Nombre d&#39;avis insuffisant", "<td>99</td>");
        assertThat(html).doesNotContain("3,7", "3.7", "Critique</td>", "<rect ");
        assertThat(api).doesNotContain("3.7", "3,7");
        JsonNode group = json(collector.get("/api/v1/public/stats?service=caf", null)).get("groups").get(0);
        assertThat(group.get("answers").asLong()).isEqualTo(99);
        assertThat(group.get("satisfaction").get("score").isNull()).isTrue();
        assertThat(group.get("satisfaction").get("level").asText()).isEqualTo("avis_insuffisants");
        assertThat(group.get("satisfaction").get("good").isNull()).isTrue();
    }

    @Test
    void every_value_is_HTML_escaped() {
        store("caf-94", "2026-03-01T10:00:00Z", 1, 0, 0);

        String html = page("caf").body();

        assertThat(html).doesNotContain("<script>").contains("Allocations &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .contains("CNAF &quot;Île-de-France&quot;");
    }

    @Test
    void the_page_sends_a_strict_CSP_and_its_stylesheet_is_served_from_assets() {
        var response = page("caf");
        var css = collector.get("/assets/jdma.css", null);
        var formerUrl = collector.get("/assets/results.css", null);

        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.body()).contains("<link rel=\"stylesheet\" href=\"/assets/jdma.css\">");
        assertThat(formerUrl.statusCode()).isEqualTo(301);
        assertThat(formerUrl.headers().firstValue("Location")).hasValue("/assets/jdma.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains("#000091");
    }

    @Test
    void a_service_with_no_answers_says_so() {
        assertThat(page("caf").body()).contains("Aucun avis n'a été recueilli", "<h1>Résultats : ").doesNotContain("<svg");
    }

    @Test
    void unknown_private_or_disabled_services_answer_a_404_HTML_page() {
        for (String service : List.of("inconnu", "prive", "ferme")) {
            var response = page(service);
            assertThat(response.statusCode()).as(service).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("<html lang=\"fr\">", "Page introuvable");
            assertThat(collector.get("/api/v1/public/stats?service=" + service, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void public_stats_need_no_token_and_any_site_may_read_them() {
        store("caf-94", "2026-03-01T10:00:00Z", 80, 20, 0); // 100 answers: 9.0

        var response = collector.get("/api/v1/public/stats?service=caf", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode body = json(response);
        assertThat(body.get("period").asText()).isEqualTo("2025-04-01/2026-03-31");
        assertThat(body.get("groups").get(0).get("satisfaction").toString())
                .isEqualTo("{\"score\":9.0,\"level\":\"tres_bien\",\"good\":80,\"average\":20,\"bad\":0}");
    }

    @Test
    void public_stats_without_service_answer_400_naming_it() {
        var response = collector.get("/api/v1/public/stats", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("service");
    }
}
