package fr.jdma.collector.catalogue;

import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's service catalogue: /api/v1/admin/services behind the admin token. */
@ExtendWith(CollectorPerTest.class)
class CatalogueApiTest {

    static final String CAF = "{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CAF\","
            + "\"allowedOrigins\":[\"https://www.caf.fr\"],\"public\":true,\"hiddenQuestions\":[\"help\"],\"enabled\":true}";

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector;
    }

    @Test
    void admin_endpoints_return_401_without_the_admin_token() {
        var none = collector.get("/api/v1/admin/services", null);
        var wrong = collector.get("/api/v1/admin/services", "not-the-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_created_service_can_be_read_back_and_listed() {
        var created = collector.admin("POST", "/api/v1/admin/services", CAF);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestCollector.json(collector.admin("GET", "/api/v1/admin/services/caf", null)))
                .isEqualTo(TestCollector.json(created));
        assertThat(TestCollector.json(collector.admin("GET", "/api/v1/admin/services", null)).get(0).get("id").asText())
                .isEqualTo("caf");
        assertThat(created.body()).isEqualTo("{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CAF\","
                + "\"allowedOrigins\":[\"https://www.caf.fr\"],\"public\":true,\"hiddenQuestions\":[\"help\"],\"enabled\":true}");
    }

    @Test
    void creating_a_service_twice_returns_409() {
        collector.admin("POST", "/api/v1/admin/services", CAF);

        assertThat(collector.admin("POST", "/api/v1/admin/services", CAF).statusCode()).isEqualTo(409);
    }

    @Test
    void a_bad_service_returns_400_naming_each_field() {
        var response = collector.admin("POST", "/api/v1/admin/services",
                "{\"id\":\"a b\",\"allowedOrigins\":[\"https://x.fr/path\"],\"hiddenQuestions\":[\"satisfaction\"],\"public\":\"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"id\"", "\"field\":\"name\"", "\"field\":\"allowedOrigins\"",
                "\"field\":\"hiddenQuestions\"", "\"field\":\"public\"");
    }

    @Test
    void origins_are_stored_in_the_form_browsers_send() {
        var created = collector.admin("POST", "/api/v1/admin/services",
                "{\"id\":\"x\",\"name\":\"X\",\"allowedOrigins\":[\"HTTPS://Www.Example.fr:443/\",\"http://localhost:8080\"]}");

        assertThat(TestCollector.json(created).get("allowedOrigins").toString())
                .isEqualTo("[\"https://www.example.fr\",\"http://localhost:8080\"]");
    }

    @Test
    void an_update_changes_the_fields_it_names_and_keeps_the_others() {
        collector.admin("POST", "/api/v1/admin/services", CAF);

        var updated = collector.admin("PUT", "/api/v1/admin/services/caf", "{\"enabled\":false}");

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo("{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CAF\","
                + "\"allowedOrigins\":[\"https://www.caf.fr\"],\"public\":true,\"hiddenQuestions\":[\"help\"],\"enabled\":false}");
        assertThat(TestCollector.json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void an_update_with_a_bad_field_returns_400_and_changes_nothing() {
        collector.admin("POST", "/api/v1/admin/services", CAF);

        var response = collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"\",\"allowedOrigins\":[\"ftp://x\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"", "\"field\":\"allowedOrigins\"");
        assertThat(TestCollector.json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("name").asText()).isEqualTo("Aide au logement");
    }

    @Test
    void updating_an_unknown_service_returns_404() {
        assertThat(collector.admin("PUT", "/api/v1/admin/services/nope", "{\"name\":\"N\"}").statusCode()).isEqualTo(404);
        assertThat(collector.admin("GET", "/api/v1/admin/services/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_new_allowed_origin_is_accepted_as_soon_as_the_update_is_answered() {
        collector.withService("caf");
        var before = postFrom("https://new-site.example.fr");

        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"CAF\",\"allowedOrigins\":[\"https://new-site.example.fr\"]}");
        var after = postFrom("https://new-site.example.fr");
        var old = postFrom(TestCollector.ORIGIN);

        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(old.statusCode()).isEqualTo(403);
    }

    @Test
    void the_widget_reads_the_name_and_hidden_questions_of_an_enabled_service() {
        collector.admin("POST", "/api/v1/admin/services", CAF);

        var view = collector.get("/api/v1/public/services/caf", null);

        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).isEqualTo("{\"id\":\"caf\",\"name\":\"Aide au logement\",\"hiddenQuestions\":[\"help\"]}");
        assertThat(view.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(collector.get("/api/v1/public/services/nope", null).statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> postFrom(String origin) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(TestCollector.rating("caf"))));
    }
}
