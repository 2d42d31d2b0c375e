package fr.jdma.collector.results;

import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /resultats/{service}: names, levels, the commune search without JavaScript, a place and the places holding it. */
class ResultsPageTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-31T12:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock)
                .withService("caf", "{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CNAF\",\"public\":true,"
                        + "\"locationNames\":{\"caf-94\":\"CAF du Val-de-Marne\"}}");
        store("75056", "2026-03-01T10:00:00Z", 70, 20, 10);   // Paris 100: 8.0
        store("75115", "2026-02-01T10:00:00Z", 30, 0, 0);     // Paris 15e: Paris has 130
        store("94080", "2026-03-02T10:00:00Z", 40, 30, 20);   // Vincennes 90: (400 + 150) / 90 = 6.1, never shown
        store("2A004", "2026-03-03T10:00:00Z", 13, 0, 47);    // Ajaccio 60: 2.2, never shown
        store("2B033", "2026-03-03T10:00:00Z", 40, 0, 10);    // Bastia 50: 8.0 alone; Corse 110: (130 + 400) / 110 = 4.8
        store("caf-94", "2026-03-04T10:00:00Z", 5, 0, 0);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    void store(String location, String at, int good, int average, int bad) {
        List<Rating> ratings = new ArrayList<>();
        int[] numbers = {good, average, bad};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < numbers[k]; i++) {
                ratings.add(new Rating(UUID.randomUUID().toString(), Instant.parse(at), "caf", location, "",
                        Rating.Satisfaction.values()[k], null, List.of(), null, null, null, Set.of(), null, null));
            }
        }
        new RatingStore(collector.database()).insert(ratings);
    }

    HttpResponse<String> page(String query) {
        return collector.get("/resultats/caf" + query, null);
    }

    String html(String query) {
        HttpResponse<String> response = page(query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static String search(String text) {
        return "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void every_location_shows_its_name_and_keeps_its_code_and_unknown_codes_show_the_code() {
        store("zz-9", "2026-03-05T10:00:00Z", 1, 0, 0);

        String html = html("");

        assertThat(html).contains("<th scope=\"row\">Paris <span class=\"code\">75056</span></th>",
                "<th scope=\"row\">Paris 15e Arrondissement <span class=\"code\">75115</span></th>",
                "<th scope=\"row\">Bastia <span class=\"code\">2B033</span></th>",
                "<th scope=\"row\">CAF du Val-de-Marne <span class=\"code\">caf-94</span></th>",
                "<th scope=\"row\">zz-9</th>");
    }

    @Test
    void the_level_switch_links_every_level_and_marks_the_current_one() {
        String html = html("?level=departement");

        assertThat(html).contains("<nav class=\"levels\" aria-label=\"Niveau géographique\">",
                "<a href=\"/resultats/caf\">Tous les lieux</a>",
                "<a href=\"/resultats/caf?level=commune\">Commune</a>",
                "<a href=\"/resultats/caf?level=departement\" aria-current=\"page\">Département</a>",
                "<a href=\"/resultats/caf?level=region\">Région</a>",
                "<a href=\"/resultats/caf?level=national\">France</a>");
        assertThat(html).contains("<a href=\"/resultats/caf?level=departement&amp;code=2A\">Corse-du-Sud</a>",
                "<a href=\"/resultats/caf?level=departement&amp;code=94\">Val-de-Marne</a>");
    }

    @Test
    void the_search_is_a_GET_form_that_works_without_javascript() {
        String html = html("");

        assertThat(html).contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/resultats/caf\">",
                "<label for=\"q\">Trouver une commune</label>", "<input id=\"q\" name=\"q\" type=\"search\"",
                "<button type=\"submit\"");
        assertThat(page("").headers().firstValue("Content-Security-Policy").orElse("")).contains("form-action 'self'");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void a_postal_code_or_a_unique_name_leads_straight_to_the_commune() {
        for (String query : List.of("94300", "Vincennes", "vincennes ", "94080")) {
            var response = page(search(query));
            assertThat(response.statusCode()).as(query).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(query).hasValue("/resultats/caf?level=commune&code=94080");
        }
        // an arrondissement's postal code leads to its commune
        assertThat(page(search("75015")).headers().firstValue("Location")).hasValue("/resultats/caf?level=commune&code=75056");
    }

    @Test
    void a_name_shared_by_several_communes_lists_them_with_their_departement() {
        String html = html(search("Saint-Denis"));

        assertThat(html).contains("Communes correspondant à « Saint-Denis »",
                "<a href=\"/resultats/caf?level=commune&amp;code=97411\">Saint-Denis</a> (La Réunion, 974)",
                "<a href=\"/resultats/caf?level=commune&amp;code=93066\">Saint-Denis</a> (Seine-Saint-Denis, 93)");
        assertThat(html(search("zzqx"))).contains("Aucune commune ne correspond à « zzqx »");
    }

    @Test
    void a_commune_shows_its_indicators_its_trend_and_leads_to_its_departement_region_and_France() {
        String html = html("?level=commune&code=75056");

        assertThat(html).contains("<h2 id=\"lieu\">Paris</h2>", "Commune 75056 · Paris (75) · Île-de-France",
                "<h3 class=\"card-title\">Satisfaction</h3><p class=\"card-value\">8,5", // (700 + 100 + 300) / 130 = 8.5
                "Mois par mois : Paris", "<caption>Satisfaction mois par mois : Paris</caption>",
                "<th scope=\"row\">mars 2026 (en cours)</th><td>100</td><td>8,0</td><td>Très bien</td>",
                "<th scope=\"row\">février 2026</th><td>30</td><td colspan=\"2\">Nombre d&#39;avis insuffisant</td>",
                "<a href=\"/resultats/caf?level=departement&amp;code=75\">Paris</a>",
                "<a href=\"/resultats/caf?level=region&amp;code=11\">Île-de-France</a>",
                "<a href=\"/resultats/caf?level=national\">France</a>");
        // the level switch leads to the places holding Paris
        assertThat(html).contains("<a href=\"/resultats/caf?level=commune&amp;code=75056\" aria-current=\"page\">Commune</a>",
                "<a href=\"/resultats/caf?level=region&amp;code=11\">Région</a>");
    }

    @Test
    void no_score_of_a_place_under_100_answers_appears_at_any_level_while_its_region_has_one() {
        String ajaccio = html("?level=commune&code=2A004");
        String corseDuSud = html("?level=departement&code=2A");
        String vincennes = html("?level=commune&code=94080");
        String corse = html("?level=region&code=94");

        assertThat(ajaccio).contains("<h2 id=\"lieu\">Ajaccio</h2>", "Nombre d&#39;avis insuffisant", "60 avis")
                .doesNotContain("2,2", "<rect ", "badge critique");
        assertThat(corseDuSud).contains("Corse-du-Sud").doesNotContain("2,2", "<rect ");
        assertThat(vincennes).contains("90 avis").doesNotContain("6,1", "<rect ");
        assertThat(corse).contains("<h2 id=\"lieu\">Corse</h2>", "<p class=\"card-value\">4,8", "Critique");
        for (String query : List.of("", "?level=commune", "?level=departement", "?level=region", "?level=national")) {
            assertThat(html(query)).as(query).doesNotContain("2,2", "6,1");
        }
    }

    @Test
    void an_arrondissement_asked_as_a_commune_leads_to_its_commune_and_unknown_places_answer_404() {
        var arrondissement = page("?level=commune&code=75115");
        var unknown = page("?level=departement&code=00");

        assertThat(arrondissement.statusCode()).isEqualTo(303);
        assertThat(arrondissement.headers().firstValue("Location")).hasValue("/resultats/caf?level=commune&code=75056");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"fr\">", "Lieu introuvable", "« 00 »");
    }

    @Test
    void bad_parameters_answer_a_French_400_page_naming_them() {
        var response = page("?level=canton&code=a%20b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<html lang=\"fr\">", "Le niveau « canton » n&#39;existe pas",
                "Le code de lieu « a b » n&#39;est pas valide");
        assertThat(page("?q=" + "x".repeat(101)).statusCode()).isEqualTo(400);
    }

    @Test
    void the_page_links_the_open_data_file_with_its_licence() {
        assertThat(html("")).contains("<a href=\"/api/v1/public/opendata.csv?service=caf\" download>",
                "Licence Ouverte 2.0", "impact-service-public-numerique", "Code officiel géographique");
    }
}
