package fr.jdma.collector.backoffice;

import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every back-office page for every role: the administrator, an owner, an analyst of the service, an analyst of another. */
class BackOfficeRolesTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-10T09:00:00Z");
    TestCollector collector;
    StaffBrowser admin;
    StaffBrowser owner;
    StaffBrowser analyst;
    StaffBrowser outsider;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf").withService("impots");
        admin = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
        owner = new StaffBrowser(collector).signIn(token("owner", "caf"));
        analyst = new StaffBrowser(collector).signIn(token("analyst", "caf"));
        outsider = new StaffBrowser(collector).signIn(token("analyst", "impots"));
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    String token(String role, String service) {
        var created = collector.admin("POST", "/api/v1/admin/tokens",
                "{\"name\":\"" + role + " " + service + "\",\"role\":\"" + role + "\",\"services\":[\"" + service + "\"]}");
        return json(created).get("token").asText();
    }

    static final String[] READ_PAGES = {"/admin/services/caf", "/admin/services/caf/avis", "/admin/services/caf/code",
            "/admin/services/caf/ratings.csv", "/admin/services/caf/stats.csv"};

    @Test
    void the_services_list_shows_each_person_the_services_of_their_scope_only() {
        assertThat(admin.get("/admin/services").body()).contains("Service caf", "Service impots", "Créer un service", "Jetons d'accès");
        assertThat(owner.get("/admin/services").body()).contains("Service caf").doesNotContain("Service impots")
                .doesNotContain("Créer un service").doesNotContain("/admin/jetons");
        assertThat(analyst.get("/admin/services").body()).contains("Service caf").doesNotContain("Service impots");
        assertThat(outsider.get("/admin/services").body()).contains("Service impots").doesNotContain("Service caf");
    }

    @Test
    void the_pages_of_a_service_answer_200_in_scope_and_404_outside_it() {
        for (String path : READ_PAGES) {
            assertThat(admin.get(path).statusCode()).as("admin " + path).isEqualTo(200);
            assertThat(owner.get(path).statusCode()).as("owner " + path).isEqualTo(200);
            assertThat(analyst.get(path).statusCode()).as("analyst " + path).isEqualTo(200);
            var refused = outsider.get(path);
            assertThat(refused.statusCode()).as("outsider " + path).isEqualTo(404);
            assertThat(refused.body()).contains("Page introuvable");
        }
        assertThat(admin.get("/admin/services/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void settings_are_for_the_administrator_and_owners_analysts_get_403() {
        assertThat(admin.get("/admin/services/caf/reglages").statusCode()).isEqualTo(200);
        assertThat(owner.get("/admin/services/caf/reglages").statusCode()).isEqualTo(200);
        var refused = analyst.get("/admin/services/caf/reglages");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé");
        assertThat(outsider.get("/admin/services/caf/reglages").statusCode()).isEqualTo(404);
    }

    @Test
    void an_owner_changes_origins_hidden_questions_and_the_public_flag_but_not_the_name_or_the_state() {
        owner.get("/admin/services/caf/reglages");

        var saved = owner.post("/admin/services/caf/reglages", Map.of("name", "Renamed", "origins", "https://www.caf.fr\nhttps://caf.fr",
                "hidden", "comment"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        var service = json(collector.admin("GET", "/api/v1/admin/services/caf", null));
        assertThat(service.get("allowedOrigins").toString()).isEqualTo("[\"https://www.caf.fr\",\"https://caf.fr\"]");
        assertThat(service.get("hiddenQuestions").toString()).isEqualTo("[\"comment\"]");
        assertThat(service.get("public").asBoolean()).isFalse();
        assertThat(service.get("name").asText()).isEqualTo("Service caf");
        assertThat(service.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void an_analyst_cannot_post_settings_even_with_a_valid_form_token() {
        analyst.get("/admin/services/caf");

        var refused = analyst.post("/admin/services/caf/reglages", Map.of("origins", "https://evil.example"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("allowedOrigins").toString())
                .doesNotContain("evil");
    }

    @Test
    void creating_services_and_managing_tokens_is_for_the_administrator_only() {
        for (StaffBrowser other : new StaffBrowser[] {owner, analyst, outsider}) {
            assertThat(other.get("/admin/services/nouveau").statusCode()).isEqualTo(403);
            assertThat(other.get("/admin/jetons").statusCode()).isEqualTo(403);
            other.get("/admin/services");
            assertThat(other.post("/admin/services", Map.of("id", "x", "name", "X")).statusCode()).isEqualTo(403);
            assertThat(other.post("/admin/jetons", Map.of("name", "x", "services", "*")).statusCode()).isEqualTo(403);
        }
        assertThat(admin.get("/admin/services/nouveau").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/jetons").statusCode()).isEqualTo(200);
        assertThat(collector.admin("GET", "/api/v1/admin/services/x", null).statusCode()).isEqualTo(404);
    }

    @Test
    void every_page_is_French_accessible_shell_with_the_menu_and_a_sign_out_form_carrying_its_token() {
        for (String path : new String[] {"/admin/services", "/admin/services/nouveau", "/admin/services/caf", "/admin/services/caf/avis",
                "/admin/services/caf/reglages", "/admin/services/caf/code", "/admin/jetons"}) {
            var page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<html lang=\"fr\"", "République<br>française", "href=\"#contenu\"",
                    "action=\"/admin/deconnexion\"", "name=\"csrf\"", "aria-current=\"page\"");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                    .contains("default-src 'none'").doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void signed_out_every_page_sends_to_the_sign_in_page() {
        var stranger = new StaffBrowser(collector);
        for (String path : new String[] {"/admin/services", "/admin/services/caf", "/admin/services/caf/avis",
                "/admin/services/caf/reglages", "/admin/jetons", "/admin/services/caf/ratings.csv"}) {
            var response = stranger.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("/admin/connexion");
        }
    }

    @Test
    void every_state_changing_form_refuses_a_post_without_its_anti_forgery_token() {
        for (String path : new String[] {"/admin/services", "/admin/services/caf/reglages", "/admin/services/caf/origines",
                "/admin/jetons", "/admin/deconnexion"}) {
            assertThat(admin.postRaw(path, Map.of("id", "x", "name", "X", "origin", "https://a.example")).statusCode())
                    .as(path).isEqualTo(403);
        }
        assertThat(collector.admin("GET", "/api/v1/admin/services/x", null).statusCode()).isEqualTo(404);
    }
}
