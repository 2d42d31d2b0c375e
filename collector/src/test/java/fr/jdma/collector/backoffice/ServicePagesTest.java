package fr.jdma.collector.backoffice;

import fr.jdma.collector.storage.Schema.RefusedOrigins;
import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating and editing services from the browser, their snippet, and the refused origins allowed in one click. */
class ServicePagesTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-10T09:00:00Z");
    TestCollector collector;
    StaffBrowser admin;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf");
        admin = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    HttpResponse<String> postFrom(String origin, String service) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(TestCollector.rating(service))));
    }

    @Test
    void an_administrator_creates_a_service_from_the_form_and_lands_on_its_page() {
        admin.get("/admin/services/nouveau");

        var created = admin.post("/admin/services", Map.of("id", "caf-logement", "name", "Aide au logement", "organisation", "CAF",
                "origins", "https://www.caf.fr/\nHTTPS://Caf.fr:443", "public", "true", "hidden", "help", "enabled", "true"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/services/caf-logement?cree=1");
        var service = json(collector.admin("GET", "/api/v1/admin/services/caf-logement", null));
        assertThat(service.get("allowedOrigins").toString()).isEqualTo("[\"https://www.caf.fr\",\"https://caf.fr\"]");
        assertThat(service.get("public").asBoolean()).isTrue();
        assertThat(service.get("hiddenQuestions").toString()).isEqualTo("[\"help\"]");
        assertThat(admin.get("/admin/services/caf-logement?cree=1").body()).contains("Le service est créé")
                .doesNotContain("Aucun site ne peut encore envoyer d'avis");
        assertThat(postFrom("https://caf.fr", "caf-logement").statusCode()).isEqualTo(201);
    }

    @Test
    void a_service_created_without_any_origin_warns_that_no_site_can_send_answers_yet() {
        admin.get("/admin/services/nouveau");
        admin.post("/admin/services", Map.of("id", "sans-site", "name", "Sans site", "enabled", "true"));

        assertThat(admin.get("/admin/services/sans-site").body()).contains("Aucun site ne peut encore envoyer d'avis");
        assertThat(admin.get("/admin/services/sans-site/code").body()).contains("Aucun site ne peut encore envoyer d'avis");
    }

    @Test
    void a_refused_form_comes_back_with_each_message_beside_its_field_and_the_values_typed() {
        admin.get("/admin/services/nouveau");

        var refused = admin.post("/admin/services", Map.of("id", "pas bon!", "name", "", "origins", "https://ok.fr\nwww.caf.fr\nftp://x.fr",
                "enabled", "true"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le service n&#39;a pas été créé", "href=\"#id\"", "href=\"#name\"", "href=\"#origins\"",
                "id=\"id-error\"", "id=\"name-error\"", "id=\"origins-error\"", "« www.caf.fr », « ftp://x.fr » ne sont pas des origines",
                "aria-invalid=\"true\"", "value=\"pas bon!\"", "https://ok.fr\nwww.caf.fr");
        assertThat(collector.admin("GET", "/api/v1/admin/services", null).body()).doesNotContain("pas bon");
    }

    @Test
    void creating_a_service_whose_id_is_taken_says_so_beside_the_id() {
        admin.get("/admin/services/nouveau");

        var refused = admin.post("/admin/services", Map.of("id", "caf", "name", "Autre", "enabled", "true"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"id-error\"", "Un service porte déjà cet identifiant");
    }

    @Test
    void no_service_may_take_the_id_nouveau_as_it_is_the_creation_page_neither_from_the_form_nor_from_the_API() {
        admin.get("/admin/services/nouveau");

        var refused = admin.post("/admin/services", Map.of("id", "nouveau", "name", "Nouveau service", "enabled", "true"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#id\"", "id=\"id-error\"",
                "« nouveau » est réservé aux pages du back-office : choisissez un autre identifiant.", "value=\"nouveau\"");
        var api = collector.admin("POST", "/api/v1/admin/services", "{\"id\":\"nouveau\",\"name\":\"Nouveau service\"}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(json(api).get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(json(api).get("errors").get(0).get("detail").asText()).contains("reserved");
        assertThat(collector.admin("GET", "/api/v1/admin/services/nouveau", null).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/services/nouveau").body()).contains("<h1>Créer un service</h1>");
    }

    @Test
    void the_administrator_edits_every_setting_and_can_disable_the_service() {
        admin.get("/admin/services/caf/reglages");

        var saved = admin.post("/admin/services/caf/reglages", Map.of("name", "Caisse d'allocations", "organisation", "CNAF",
                "origins", "https://www.caf.fr"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/services/caf/reglages?enregistre=1");
        var service = json(collector.admin("GET", "/api/v1/admin/services/caf", null));
        assertThat(service.get("name").asText()).isEqualTo("Caisse d'allocations");
        assertThat(service.get("enabled").asBoolean()).isFalse();
        assertThat(service.get("public").asBoolean()).isFalse();
        assertThat(admin.get("/admin/services/caf/reglages?enregistre=1").body()).contains("Les réglages sont enregistrés");
    }

    @Test
    void location_names_are_typed_one_per_line_saved_with_the_other_settings_and_read_back_by_the_API() {
        admin.get("/admin/services/nouveau");
        var created = admin.post("/admin/services", Map.of("id", "caf-reseau", "name", "Réseau CAF", "enabled", "true",
                "locationNames", "caf-94 = CAF du Val-de-Marne\r\n\r\ncaf-13=  CAF des Bouches-du-Rhône \r\n"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf-reseau", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-13\":\"CAF des Bouches-du-Rhône\",\"caf-94\":\"CAF du Val-de-Marne\"}");

        var settings = admin.get("/admin/services/caf-reseau/reglages").body();
        assertThat(settings).contains("<label class=\"question\" for=\"locationNames\">Noms des lieux</label>",
                "aria-describedby=\"locationNames-hint\">caf-13 = CAF des Bouches-du-Rhône\ncaf-94 = CAF du Val-de-Marne</textarea>");

        var saved = admin.post("/admin/services/caf-reseau/reglages", Map.of("name", "Réseau CAF", "enabled", "true",
                "locationNames", "caf-75 = CAF de Paris = Paris"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf-reseau", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-75\":\"CAF de Paris = Paris\"}");

        collector.admin("PUT", "/api/v1/admin/services/caf-reseau", "{\"locationNames\":{\"caf-69\":\"CAF du Rhône\"}}");
        assertThat(admin.get("/admin/services/caf-reseau/reglages").body()).contains(">caf-69 = CAF du Rhône</textarea>");
        admin.post("/admin/services/caf-reseau/reglages", Map.of("name", "Réseau CAF", "enabled", "true", "locationNames", ""));
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf-reseau", null)).has("locationNames")).isFalse();
    }

    @Test
    void a_bad_location_name_line_comes_back_beside_the_field_naming_the_line_and_nothing_is_saved() {
        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":{\"caf-94\":\"CAF du Val-de-Marne\"}}");
        admin.get("/admin/services/caf/reglages");

        var refused = admin.post("/admin/services/caf/reglages", Map.of("name", "CAF", "enabled", "true",
                "locationNames", "caf-94 = CAF du Val-de-Marne\ncaf 13 = Marseille\ncaf-75\n= Lyon\ncaf-2 = " + "x".repeat(201)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Les réglages n&#39;ont pas été enregistrés", "href=\"#locationNames\"",
                "<p class=\"error\" id=\"locationNames-error\">Ligne 2 (« caf 13 = Marseille ») : « caf 13 » n&#39;est pas un code de lieu",
                "ligne 3 (« caf-75 ») : le nom manque après le signe =", "ligne 4 (« = Lyon ») : le code manque avant le signe =",
                "ligne 5 (« caf-2 = xxx", "le nom dépasse 200 caractères",
                "aria-describedby=\"locationNames-hint locationNames-error\" aria-invalid=\"true\">caf-94 = CAF du Val-de-Marne\ncaf 13 = Marseille");
        assertThat(refused.body()).doesNotContain("ligne 1 (");

        var twice = admin.post("/admin/services/caf/reglages", Map.of("name", "CAF", "enabled", "true",
                "locationNames", "caf-94 = CAF\ncaf-13 = Marseille\ncaf-94 = Créteil"));

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Ligne 3 (« caf-94 = Créteil ») : le code « caf-94 » figure déjà ligne 1.");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-94\":\"CAF du Val-de-Marne\"}");
    }

    @Test
    void an_owner_names_the_locations_of_their_service_from_its_settings() {
        String token = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"o\",\"role\":\"owner\",\"services\":[\"caf\"]}"))
                .get("token").asText();
        var owner = new StaffBrowser(collector).signIn(token);
        owner.get("/admin/services/caf/reglages");

        var saved = owner.post("/admin/services/caf/reglages", Map.of("locationNames", "caf-94 = CAF du Val-de-Marne"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-94\":\"CAF du Val-de-Marne\"}");
    }

    @Test
    void the_snippet_page_gives_both_snippets_with_the_SRI_hash_the_inline_mode_the_no_JS_link_and_the_real_widget_as_preview() {
        var page = admin.get("/admin/services/caf/code");

        assertThat(page.body()).contains("/widget/v1/jdma.js&quot; defer data-service=&quot;caf&quot;",
                "integrity=&quot;sha384-", "crossorigin=&quot;anonymous&quot;", "data-mode=&quot;inline&quot;",
                "/avis/caf?source=email", "<script src=\"/widget/v1/jdma.js\" defer data-target=\"#apercu\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void refused_origins_are_counted_in_memory_and_reach_the_database_in_one_batch() {
        for (int i = 0; i < 3; i++) assertThat(postFrom("https://www.caf.fr", "caf").statusCode()).isEqualTo(403);
        assertThat(postFrom("https://autre.example", "caf").statusCode()).isEqualTo(403);

        assertThat(collector.database().dsl().fetchCount(RefusedOrigins.TABLE)).as("no write per refused request").isZero();
        var page = admin.get("/admin/services/caf");
        assertThat(page.body()).contains("Sites refusés", "<th scope=\"row\">https://www.caf.fr</th><td>3</td>", "https://autre.example");
    }

    @Test
    void allowing_a_refused_origin_in_one_click_accepts_its_ratings_and_forgets_it() {
        postFrom("https://www.caf.fr", "caf");
        admin.get("/admin/services/caf");

        var allowed = admin.post("/admin/services/caf/origines", Map.of("origin", "https://www.caf.fr"));

        assertThat(allowed.statusCode()).isEqualTo(303);
        assertThat(allowed.headers().firstValue("Location")).hasValue("/admin/services/caf?autorise=1");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("allowedOrigins").toString())
                .contains("https://www.caf.fr", TestCollector.ORIGIN);
        assertThat(postFrom("https://www.caf.fr", "caf").statusCode()).isEqualTo(201);
        assertThat(admin.get("/admin/services/caf?autorise=1").body()).contains("L'origine est autorisée").doesNotContain("Sites refusés");
    }

    @Test
    void an_analyst_sees_refused_origins_without_the_button_to_allow_them() {
        postFrom("https://www.caf.fr", "caf");
        String token = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"a\",\"services\":[\"caf\"]}")).get("token").asText();
        var analyst = new StaffBrowser(collector).signIn(token);

        var page = analyst.get("/admin/services/caf");

        assertThat(page.body()).contains("https://www.caf.fr").doesNotContain("/admin/services/caf/origines");
        assertThat(analyst.post("/admin/services/caf/origines", Map.of("origin", "https://www.caf.fr")).statusCode()).isEqualTo(403);
    }

    @Test
    void the_list_shows_answers_over_30_days_the_last_answer_time_and_the_current_satisfaction() {
        clock.set("2026-01-01T10:00:00Z");
        collector.postRating(TestCollector.rating("caf"));
        clock.set("2026-03-09T14:30:00Z");
        collector.postRating(TestCollector.rating("caf"));
        collector.postRating(TestCollector.rating("caf").replace("\"good\"", "\"bad\""));
        clock.set("2026-03-10T09:00:00Z");

        var page = admin.get("/admin/services");

        assertThat(page.body()).contains("<td>Actif</td><td>2</td><td>9 mars 2026 à 15h30</td><td>5,0 sur 10 – Nombre d&#39;avis insuffisant</td>");
    }
}
