package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Robots answered as usual but never stored; the same comment sent again counted once. */
class AbuseTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    HttpResponse<String> post(Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("service", "caf");
        body.put("satisfaction", "good");
        body.putAll(fields);
        return collector.postRating(JSON.writeValueAsString(body));
    }

    int stored() {
        return collector.database().dsl().fetchCount(Ratings.TABLE);
    }

    String metrics() {
        return collector.get("/metrics", null).body();
    }

    @Test
    void a_filled_honeypot_is_answered_201_with_its_id_and_nothing_is_stored() throws Exception {
        var response = post(Map.of("hp", "http://spam.example", "comment", "Achetez ici", "elapsed", 9000));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("id").asText()).hasSize(36);
        assertThat(stored()).isZero();
        assertThat(metrics()).contains("jdma_discarded_ratings_total{reason=\"honeypot\"} 1");
    }

    @Test
    void an_answer_sent_under_1500_ms_after_the_questions_appeared_is_answered_201_and_not_stored() throws Exception {
        assertThat(post(Map.of("elapsed", 1499)).statusCode()).isEqualTo(201);
        assertThat(post(Map.of("elapsed", 0, "hp", "")).statusCode()).isEqualTo(201);

        assertThat(stored()).isZero();
        assertThat(metrics()).contains("jdma_discarded_ratings_total{reason=\"too_fast\"} 2");
        var stats = json(collector.get("/api/v1/stats?service=caf", TestCollector.ADMIN_TOKEN));
        assertThat(stats.get("groups")).isEmpty();
    }

    @Test
    void an_empty_honeypot_and_a_human_delay_or_no_signal_at_all_are_stored() throws Exception {
        assertThat(post(Map.of("hp", "", "elapsed", 1500)).statusCode()).isEqualTo(201);
        assertThat(post(Map.of()).statusCode()).isEqualTo(201);

        assertThat(stored()).isEqualTo(2);
        assertThat(metrics()).doesNotContain("jdma_discarded_ratings_total{");
    }

    @Test
    void wrongly_typed_signals_are_400_naming_them() throws Exception {
        var response = post(Map.of("hp", 1, "elapsed", "fast"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"hp\"", "\"elapsed\"");
    }

    @Test
    void the_same_comment_sent_again_under_a_new_id_within_10_minutes_is_stored_flagged_duplicate_and_left_out_of_the_indicators() throws Exception {
        String first = json(post(Map.of("comment", "Le site plante à la fin", "satisfaction", "bad"))).get("id").asText();
        clock.set("2026-03-01T10:09:59Z");
        String second = json(post(Map.of("comment", "Le site plante à la fin", "satisfaction", "bad"))).get("id").asText();
        clock.set("2026-03-01T10:25:00Z");
        String later = json(post(Map.of("comment", "Le site plante à la fin", "satisfaction", "bad"))).get("id").asText();

        assertThat(flags(first)).isNull();
        assertThat(flags(second)).isEqualTo("duplicate");
        assertThat(flags(later)).isNull();
        var group = json(collector.get("/api/v1/stats?service=caf", TestCollector.ADMIN_TOKEN)).get("groups").get(0);
        assertThat(group.get("answers").asInt()).isEqualTo(2);
        assertThat(group.get("satisfaction").get("bad").asInt()).isEqualTo(2);
        String csv = collector.get("/api/v1/exports/ratings.csv?service=caf&flags=duplicate", TestCollector.ADMIN_TOKEN).body();
        assertThat(csv.lines().skip(1)).singleElement().asString().startsWith(second);
    }

    @Test
    void the_hosted_form_carries_a_hidden_honeypot_and_a_signed_stamp_and_a_filled_honeypot_is_thanked_but_not_stored() throws Exception {
        String form = collector.get("/avis/caf", null).body();
        assertThat(form).containsPattern("<input[^>]+name=\"hp\"[^>]+tabindex=\"-1\"");
        assertThat(form).contains("name=\"t\"");

        clock.set("2026-03-01T10:00:30Z");
        var bot = postForm(form, "satisfaction=good&hp=" + URLEncoder.encode("http://spam.example", StandardCharsets.UTF_8));
        assertThat(bot.statusCode()).isEqualTo(303);
        assertThat(stored()).isZero();

        String other = collector.get("/avis/caf", null).body();
        clock.set("2026-03-01T10:00:31Z");
        var tooFast = postForm(other, "satisfaction=good&hp=");
        assertThat(tooFast.statusCode()).isEqualTo(303);
        assertThat(stored()).isZero();

        String human = collector.get("/avis/caf", null).body();
        clock.set("2026-03-01T10:01:10Z");
        assertThat(postForm(human, "satisfaction=good&hp=").statusCode()).isEqualTo(303);
        assertThat(stored()).isEqualTo(1);
        assertThat(metrics()).contains("jdma_discarded_ratings_total{reason=\"honeypot\"} 1",
                "jdma_discarded_ratings_total{reason=\"too_fast\"} 1");
    }

    private HttpResponse<String> postForm(String form, String fields) {
        String body = "id=" + hidden(form, "id") + "&t=" + hidden(form, "t") + "&" + fields;
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/avis/caf")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", collector.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private String flags(String id) {
        return collector.database().dsl().select(Ratings.FLAGS).from(Ratings.TABLE).where(Ratings.ID.eq(id)).fetchOne(Ratings.FLAGS);
    }
}
