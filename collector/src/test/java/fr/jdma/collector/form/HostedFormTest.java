package fr.jdma.collector.form;

import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/POST /avis/{service}: the questions as a plain HTML form, for e-mails and pages without JavaScript. */
@ExtendWith(CollectorPerTest.class)
class HostedFormTest {

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector.withService("caf", "{\"id\":\"caf\",\"name\":\"Aide <script>alert(1)</script> & logement\","
                + "\"organisation\":\"CAF\",\"allowedOrigins\":[\"https://www.caf.fr\"]}");
    }

    @Test
    void the_form_is_a_French_page_with_the_official_questions() {
        var page = collector.get("/avis/caf?location=75056&source=email", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.body()).contains("<html lang=\"fr\">", "De façon générale, comment ça s&#39;est passé ?",
                "Qu&#39;avez-vous pensé des informations et des instructions fournies ?",
                "avez-vous tenté d&#39;obtenir de l&#39;aide", "Avez-vous réussi à joindre l&#39;administration ?",
                "Comment évaluez-vous la qualité de l&#39;aide ?", "Souhaitez-vous nous en dire plus ?",
                "Votre réponse est anonyme.", "name=\"location\" value=\"75056\"", "name=\"source\" value=\"email\"",
                "<legend", "<fieldset");
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    void every_value_is_escaped() {
        var page = collector.get("/avis/caf?location=%22%3E%3Cscript%3E", null);

        assertThat(page.body()).contains("Aide &lt;script&gt;alert(1)&lt;/script&gt; &amp; logement");
        assertThat(page.body()).doesNotContain("<script>", "\"><script");
    }

    @Test
    void an_invalid_location_or_source_in_the_link_is_dropped_and_the_answer_still_stored() {
        String form = collector.get("/avis/caf?location=Paris%2015&source=" + "s".repeat(40), null).body();

        var sent = post(form, "satisfaction=good", null);

        assertThat(form).doesNotContain("name=\"location\"", "name=\"source\"");
        assertThat(sent.statusCode()).isEqualTo(303);
        Record row = collector.database().dsl().selectFrom(Ratings.TABLE).fetchSingle();
        assertThat(row.get(Ratings.LOCATION)).isEmpty();
        assertThat(row.get(Ratings.SOURCE)).isEmpty();
    }

    @Test
    void hidden_questions_are_left_out() {
        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"CAF\",\"hiddenQuestions\":[\"help\",\"comment\"]}");

        var page = collector.get("/avis/caf", null);

        assertThat(page.body()).contains("Qu&#39;avez-vous pensé").doesNotContain("name=\"help\"", "<textarea");
    }

    @Test
    void an_unknown_service_shows_a_404_page() {
        var page = collector.get("/avis/nope", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"fr\">", "Page introuvable");
    }

    @Test
    void a_sent_form_is_stored_then_thanks_the_citizen() {
        String form = collector.get("/avis/caf?location=caf-94&source=email", null).body();

        var sent = post(form, "satisfaction=average&clarity=4&help=phone&help=relative&helpReached=false&helpQuality=2"
                + "&comment=" + enc("Trop d'attente au téléphone 😕"), collector.url(""));
        var thanks = collector.get("/avis/caf/merci", null);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue("/avis/caf/merci");
        assertThat(thanks.body()).contains("Merci !", "role=\"status\"");
        Record row = collector.database().dsl().selectFrom(Ratings.TABLE).fetchSingle();
        assertThat(row.get(Ratings.ID)).isEqualTo(hidden(form, "id"));
        assertThat(row.get(Ratings.LOCATION)).isEqualTo("caf-94");
        assertThat(row.get(Ratings.SOURCE)).isEqualTo("email");
        assertThat(row.get(Ratings.SATISFACTION)).isEqualTo("average");
        assertThat(row.get(Ratings.HELP)).isEqualTo("phone|relative");
        assertThat(row.get(Ratings.HELP_REACHED)).isFalse();
        assertThat(row.get(Ratings.COMMENT)).isEqualTo("Trop d'attente au téléphone 😕");
        assertThat(row.get(Ratings.LANG)).isEqualTo("fr");
    }

    @Test
    void each_form_shown_carries_a_new_time_ordered_id() {
        UUID first = UUID.fromString(hidden(collector.get("/avis/caf", null).body(), "id"));
        UUID second = UUID.fromString(hidden(collector.get("/avis/caf", null).body(), "id"));

        assertThat(first).isNotEqualTo(second);
        assertThat(List.of(first.version(), second.version())).containsExactly(7, 7);
        assertThat(second.toString()).isGreaterThanOrEqualTo(first.toString().substring(0, 13));
    }

    @Test
    void sending_the_same_form_twice_stores_one_rating() {
        String form = collector.get("/avis/caf", null).body();

        post(form, "satisfaction=good", null);
        var again = post(form, "satisfaction=good", null);

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isEqualTo(1);
    }

    @Test
    void a_form_without_the_required_answer_is_shown_again_with_the_error_and_the_answers_kept() {
        String form = collector.get("/avis/caf", null).body();

        var response = post(form, "clarity=5&comment=" + enc("Mon avis <b>"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("role=\"alert\"", "href=\"#satisfaction\"", "Très bien, Moyen ou Pas bien",
                "value=\"5\" checked", "Mon avis &lt;b&gt;</textarea>", "<title>Erreur");
        assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isZero();
    }

    @Test
    void follow_up_answers_without_an_administration_channel_are_dropped_not_refused() {
        String form = collector.get("/avis/caf", null).body();

        var response = post(form, "satisfaction=bad&help=websites&helpReached=true&helpQuality=5", null);

        assertThat(response.statusCode()).isEqualTo(303);
        Record row = collector.database().dsl().selectFrom(Ratings.TABLE).fetchSingle();
        assertThat(row.get(Ratings.HELP_REACHED)).isNull();
        assertThat(row.get(Ratings.HELP_QUALITY)).isNull();
    }

    @Test
    void a_form_posted_from_a_foreign_site_is_refused() {
        String form = collector.get("/avis/caf", null).body();

        var response = post(form, "satisfaction=good", "https://evil.example.com");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isZero();
    }

    private HttpResponse<String> post(String form, String fields, String origin) {
        String body = "id=" + hidden(form, "id") + "&location=" + enc(nullToEmpty(hidden(form, "location")))
                + "&source=" + enc(nullToEmpty(hidden(form, "source"))) + "&" + fields;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector.url("/avis/caf")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) request.header("Origin", origin);
        return collector.send(request);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
