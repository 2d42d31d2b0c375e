package fr.jdma.collector.backoffice;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A service's dashboard (indicators, distributions, trends, locations, filters) and its comments page. */
class DashboardAndCommentsTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-10T09:00:00Z");
    TestCollector collector;
    StaffBrowser admin;
    String insulting;
    String plain;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf");
        Posting posting = new Posting(collector, clock);
        posting.post("2026-01-05T10:00:00Z", Map.of("location", "75056", "source", "email", "clarity", 5, "help", List.of("none")));
        posting.post("2026-02-05T10:00:00Z", Map.of("location", "75056", "satisfaction", "bad", "clarity", 1,
                "help", List.of("phone"), "helpReached", true, "helpQuality", 2));
        plain = posting.post("2026-02-06T10:00:00Z", Map.of("location", "13055", "satisfaction", "average", "comment", "Un peu long mais correct"));
        insulting = posting.post("2026-03-09T10:00:00Z", Map.of("location", "13055", "comment", "Écrivez-moi à jean.dupont@example.fr"));
        clock.set("2026-03-10T09:00:00Z");
        admin = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    @Test
    void the_dashboard_shows_the_five_indicators_with_the_satisfaction_level() {
        String page = admin.get("/admin/services/caf").body();

        assertThat(page).contains("4 avis du 11 mars 2025 au 10 mars 2026", "Satisfaction", "6,3", "Nombre d&#39;avis insuffisant",
                "Clarté des informations", "5,0", "Administration jointe", "100,0", "Qualité de l&#39;aide", "2,5", "Autonomie");
    }

    @Test
    void the_distribution_of_each_question_is_a_table_with_its_bars() {
        String page = admin.get("/admin/services/caf").body();

        assertThat(page).contains("<caption>De façon générale, comment ça s&#39;est passé ?</caption>",
                "<th scope=\"row\">Très bien</th><td>2</td><td>50 %</td>", "<th scope=\"row\">Pas bien</th><td>1</td><td>25 %</td>",
                "<th scope=\"row\">Téléphone</th><td>1</td>", "<th scope=\"row\">Je n&#39;ai pas eu besoin d&#39;aide</th><td>1</td>",
                "<th scope=\"row\">Oui</th><td>1</td><td>100 %</td>", "<svg class=\"bar\"");
    }

    @Test
    void each_monthly_trend_is_an_SVG_with_the_same_values_in_a_table() {
        String page = admin.get("/admin/services/caf").body();

        assertThat(page).contains("aria-labelledby=\"trend-satisfaction\"", "id=\"trend-satisfaction\"",
                "<th scope=\"row\">2026-01</th><td>10,0</td>", "<th scope=\"row\">2026-02</th><td>2,5</td>",
                "<th scope=\"row\">2026-03</th><td>10,0</td>", "id=\"trend-autonomy\"");
    }

    @Test
    void the_location_table_sorts_by_a_header_link_and_says_how_it_is_sorted() {
        String byName = admin.get("/admin/services/caf").body();
        assertThat(byName.indexOf(MARSEILLE)).isLessThan(byName.indexOf(PARIS));
        assertThat(byName).contains("aria-sort=\"ascending\"");

        String bySatisfaction = admin.get("/admin/services/caf?tri=satisfaction&ordre=desc").body();

        assertThat(bySatisfaction.indexOf(MARSEILLE)).isLessThan(bySatisfaction.indexOf(PARIS));
        assertThat(bySatisfaction).contains("aria-sort=\"descending\"", "triés par satisfaction (décroissant)");
    }

    /** The row of a place in the table by location: its name, its code under it. */
    static final String MARSEILLE = "<th scope=\"row\">Marseille <span class=\"code\">13055</span></th>";
    static final String PARIS = "<th scope=\"row\">Paris <span class=\"code\">75056</span></th>";

    @Test
    void the_location_table_and_filter_name_each_place_the_commune_by_the_COG_another_code_by_the_service_and_keep_the_code() {
        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":{\"caf-94\":\"CAF du Val-de-Marne\"}}");
        Posting posting = new Posting(collector, clock);
        posting.post("2026-03-01T10:00:00Z", Map.of("location", "69123"));
        posting.post("2026-03-01T11:00:00Z", Map.of("location", "caf-94"));
        posting.post("2026-03-01T12:00:00Z", Map.of("location", "guichet-7"));
        posting.post("2026-03-01T13:00:00Z", Map.of());
        clock.set("2026-03-10T09:00:00Z");

        String page = admin.get("/admin/services/caf").body();

        String lyon = "<th scope=\"row\">Lyon <span class=\"code\">69123</span></th>";
        String caf = "<th scope=\"row\">CAF du Val-de-Marne <span class=\"code\">caf-94</span></th>";
        String guichet = "<th scope=\"row\">guichet-7</th>";
        String whole = "<th scope=\"row\">Ensemble du service</th>";
        assertThat(page).contains(lyon, caf, guichet, whole, MARSEILLE, PARIS,
                "<option value=\"69123\">Lyon (69123)</option>", "<option value=\"caf-94\">CAF du Val-de-Marne (caf-94)</option>",
                "<option value=\"guichet-7\">guichet-7</option>");
        // by name, not by code: CAF, Ensemble, guichet, Lyon, Marseille, Paris
        assertThat(List.of(caf, whole, guichet, lyon, MARSEILLE, PARIS)).map(page::indexOf).isSorted();
        assertThat(page.indexOf("Lyon (69123)")).isLessThan(page.indexOf("Marseille (13055)"));
    }

    @Test
    void filters_by_period_location_and_source_narrow_everything_and_the_downloads_carry_them() {
        String page = admin.get("/admin/services/caf?from=2026-01-01&to=2026-02-28&location=75056&source=email").body();

        assertThat(page).contains("1 avis du 1 janvier 2026 au 28 février 2026", "<option value=\"75056\" selected>",
                "/admin/services/caf/ratings.csv?from=2026-01-01&amp;to=2026-02-28&amp;location=75056&amp;source=email",
                "/admin/services/caf/stats.csv?from=2026-01-01&amp;to=2026-02-28&amp;location=75056\"");
        String download = new String(admin.download("/admin/services/caf/ratings.csv?from=2026-01-01&to=2026-02-28&location=75056&source=email").body());
        assertThat(download.lines()).hasSize(2);
    }

    @Test
    void bad_filters_are_named_in_French_and_the_page_still_answers() {
        var page = admin.get("/admin/services/caf?from=hier&source=pas%20bon");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Les filtres ne sont pas valides", "Indiquez des dates valides");
    }

    @Test
    void comments_are_listed_newest_first_and_flagged_ones_are_marked() {
        String page = admin.get("/admin/services/caf/avis").body();

        assertThat(page).contains("2 avis avec commentaire", "[e-mail]", "Adresse e-mail masquée", "class=\"comment flagged\"");
        assertThat(page.indexOf("[e-mail]")).isLessThan(page.indexOf("Un peu long mais correct"));
    }

    @Test
    void comments_filter_by_flag_reviewed_and_keyword() {
        assertThat(admin.get("/admin/services/caf/avis?flag=signale").body()).contains("[e-mail]").doesNotContain("Un peu long");
        assertThat(admin.get("/admin/services/caf/avis?flag=email").body()).contains("[e-mail]").doesNotContain("Un peu long");
        assertThat(admin.get("/admin/services/caf/avis?q=LONG").body()).contains("Un peu long").doesNotContain("[e-mail]");
        admin.get("/admin/services/caf/avis");
        admin.post("/admin/services/caf/avis/" + plain, Map.of("action", "reviewed"));
        assertThat(admin.get("/admin/services/caf/avis?relu=oui").body()).contains("Un peu long").doesNotContain("[e-mail]");
        assertThat(admin.get("/admin/services/caf/avis?relu=non").body()).contains("[e-mail]").doesNotContain("Un peu long");
    }

    @Test
    void comments_are_paginated_twenty_at_a_time() {
        Posting posting = new Posting(collector, clock);
        for (int i = 0; i < 25; i++) posting.post("2026-03-09T11:" + (10 + i) + ":00Z", Map.of("comment", "Avis numéro " + i));

        String first = admin.get("/admin/services/caf/avis").body();
        String third = admin.get("/admin/services/caf/avis?page=2").body();

        assertThat(first).contains("Page 1 sur 2", "Avis numéro 24", "?page=2").doesNotContain("Un peu long");
        assertThat(third).contains("Page 2 sur 2", "Un peu long", "Page précédente");
    }

    @Test
    void marking_reviewed_and_redacting_after_confirmation_go_through_moderation_and_its_audit_trail() {
        admin.get("/admin/services/caf/avis");

        assertThat(admin.post("/admin/services/caf/avis/" + plain, Map.of("action", "reviewed")).statusCode()).isEqualTo(303);
        var confirm = admin.post("/admin/services/caf/avis/" + insulting, Map.of("action", "redact"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("définitivement", "name=\"confirmer\" value=\"oui\"");
        var redacted = admin.post("/admin/services/caf/avis/" + insulting, Map.of("action", "redact", "confirmer", "oui"));

        assertThat(redacted.headers().firstValue("Location")).hasValue("/admin/services/caf/avis?fait=supprime");
        String page = admin.get("/admin/services/caf/avis?fait=supprime").body();
        assertThat(page).contains("[supprimé]", "Texte supprimé", "Journal de modération", "Marqué comme relu").doesNotContain("[e-mail]");
        var audit = json(collector.admin("GET", "/api/v1/moderation/audit?service=caf", null));
        assertThat(audit.toString()).contains("redact", "reviewed", insulting);
    }

    @Test
    void owners_moderate_their_service_analysts_read_comments_without_actions_and_only_admins_see_the_audit() {
        String ownerToken = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"Webmestre CAF\",\"role\":\"owner\",\"services\":[\"caf\"]}")).get("token").asText();
        String analystToken = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"Stats\",\"services\":[\"caf\"]}")).get("token").asText();
        var owner = new StaffBrowser(collector).signIn(ownerToken);
        var analyst = new StaffBrowser(collector).signIn(analystToken);

        assertThat(owner.get("/admin/services/caf/avis").body()).contains("Marquer comme relu").doesNotContain("Journal de modération");
        assertThat(owner.post("/admin/services/caf/avis/" + plain, Map.of("action", "reviewed")).statusCode()).isEqualTo(303);
        String analystPage = analyst.get("/admin/services/caf/avis").body();
        assertThat(analystPage).contains("Un peu long").doesNotContain("Marquer comme relu");
        assertThat(analyst.post("/admin/services/caf/avis/" + insulting, Map.of("action", "redact", "confirmer", "oui")).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/services/caf/avis").body()).contains("Webmestre CAF");
    }

    @Test
    void the_tokens_page_creates_a_token_shown_once_with_its_role_and_services_lists_and_revokes() {
        admin.get("/admin/jetons");

        var created = admin.post("/admin/jetons", Map.of("name", "Équipe stats", "role", "owner", "services", "caf"));

        assertThat(created.statusCode()).isEqualTo(201);
        String token = created.body().replaceAll("(?s).*<code id=\"new-token\">([^<]+)</code>.*", "$1");
        assertThat(token).startsWith("jdma_");
        assertThat(created.body()).contains("Responsable de service", "il ne sera plus jamais affiché");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String list = admin.get("/admin/jetons").body();
        assertThat(list).contains("Équipe stats", "Actif").doesNotContain(token);
        var owner = new StaffBrowser(collector).signIn(token);
        String id = json(collector.admin("GET", "/api/v1/admin/tokens", null)).get(0).get("id").asText();

        var revoked = admin.post("/admin/jetons/" + id + "/revocation", Map.of());

        assertThat(revoked.headers().firstValue("Location")).hasValue("/admin/jetons?revoque=1");
        assertThat(admin.get("/admin/jetons?revoque=1").body()).contains("Révoqué le");
        assertThat(owner.get("/admin/services").statusCode()).isEqualTo(303);
    }

    @Test
    void a_token_form_without_name_or_service_is_refused_in_French_beside_the_fields() {
        admin.get("/admin/jetons");

        var refused = admin.post("/admin/jetons", Map.of("role", "analyst"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le jeton n&#39;a pas été créé", "href=\"#token-name\"", "href=\"#services-all\"");
        assertThat(json(collector.admin("GET", "/api/v1/admin/tokens", null))).isEmpty();
    }
}
