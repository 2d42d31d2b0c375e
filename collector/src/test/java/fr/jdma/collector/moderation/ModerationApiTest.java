package fr.jdma.collector.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class ModerationApiTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;
    Posting posting;

    void start(String kind) {
        collector = new TestCollector(TestDatabases.of(kind, dir), c -> c, clock).withService("caf").withService("impots");
        posting = new Posting(collector, clock);
    }

    @AfterEach
    void stop() {
        if (collector != null) collector.close();
    }

    HttpResponse<String> act(String ratingId, String body, String token) {
        var request = HttpRequest.newBuilder(URI.create(collector.url("/api/v1/moderation/" + ratingId)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return collector.send(request);
    }

    JsonNode list(String query) {
        var response = collector.get("/api/v1/moderation?" + query, TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("comments").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    String analystToken(String service) {
        var created = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"Équipe stats\",\"services\":[\"" + service + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    @Test
    void the_list_holds_a_services_comments_only_newest_first_and_paginated() {
        start("h2");
        String first = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Très bien expliqué"));
        posting.post("2026-03-01T10:05:00Z", Map.of());
        String second = posting.post("2026-03-01T10:10:00Z", Map.of("comment", "Un peu long"));
        String third = posting.post("2026-03-01T10:20:00Z", Map.of("comment", "Parfait", "location", "caf-94"));
        posting.post("2026-03-01T10:30:00Z", Map.of("service", "impots", "comment", "Autre service"));

        JsonNode all = list("service=caf");
        assertThat(ids(all)).containsExactly(third, second, first);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        JsonNode newest = all.get("comments").get(0);
        assertThat(newest.get("comment").asText()).isEqualTo("Parfait");
        assertThat(newest.get("location").asText()).isEqualTo("caf-94");
        assertThat(newest.get("receivedAt").asText()).isEqualTo("2026-03-01T10:20:00Z");
        assertThat(newest.get("reviewed").asBoolean()).isFalse();

        JsonNode page2 = list("service=caf&limit=2&page=2");
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void the_list_filters_by_flag_reviewed_state_and_keyword() {
        start("h2");
        String insult = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Bande d'idiots"));
        String email = posting.post("2026-03-01T10:01:00Z", Map.of("comment", "écrivez à jean@example.org"));
        String plain = posting.post("2026-03-01T10:02:00Z", Map.of("comment", "Le formulaire est CLAIR et rapide"));

        assertThat(ids(list("service=caf&flag=insult"))).containsExactly(insult);
        assertThat(ids(list("service=caf&flag=insult,email"))).containsExactly(email, insult);
        assertThat(ids(list("service=caf&q=clair"))).containsExactly(plain);

        assertThat(act(plain, "{\"action\":\"reviewed\"}", TestCollector.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(ids(list("service=caf&reviewed=true"))).containsExactly(plain);
        assertThat(ids(list("service=caf&reviewed=false"))).containsExactly(email, insult);
    }

    @Test
    void bad_filters_answer_400_naming_each_parameter() {
        start("h2");
        var response = collector.get("/api/v1/moderation?flag=rude&reviewed=maybe&limit=0", TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("service", "flag", "reviewed", "limit");
        assertThat(collector.get("/api/v1/moderation?service=nope", TestCollector.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void marking_a_comment_reviewed_is_audited_with_who_and_when() {
        start("h2");
        String id = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Bien"));
        clock.set("2026-03-02T08:00:00Z");

        var response = act(id, "{\"action\":\"reviewed\"}", TestCollector.ADMIN_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("reviewed").asBoolean()).isTrue();
        assertThat(json(response).get("reviewedAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
        JsonNode audit = json(collector.get("/api/v1/moderation/audit?service=caf", TestCollector.ADMIN_TOKEN));
        JsonNode entry = audit.get("entries").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("administrator");
        assertThat(entry.get("action").asText()).isEqualTo("reviewed");
        assertThat(entry.get("ratingId").asText()).isEqualTo(id);
        assertThat(entry.get("service").asText()).isEqualTo("caf");
        assertThat(entry.get("at").asText()).isEqualTo("2026-03-02T08:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void redacting_erases_the_text_for_good_flags_it_audits_it_and_keeps_the_indicators(String kind) {
        start(kind);
        String id = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Texte à effacer définitivement",
                "satisfaction", "bad", "clarity", 2));
        posting.post("2026-03-01T10:01:00Z", Map.of("comment", "Texte gardé"));
        String statsBefore = collector.get("/api/v1/stats?service=caf", TestCollector.ADMIN_TOKEN).body();

        var response = act(id, "{\"action\":\"redact\"}", TestCollector.ADMIN_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("comment").asText()).isEqualTo("[supprimé]");
        assertThat(json(response).get("flags").toString()).contains("redacted");
        int left = collector.database().dsl().fetchCount(Ratings.TABLE, Ratings.COMMENT.contains("effacer"));
        assertThat(left).isZero();
        String csv = collector.get("/api/v1/exports/ratings.csv?service=caf", TestCollector.ADMIN_TOKEN).body();
        assertThat(csv).doesNotContain("effacer").contains("[supprimé]").contains("Texte gardé");
        assertThat(csv.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow()).contains(",redacted,");
        assertThat(collector.get("/api/v1/stats?service=caf", TestCollector.ADMIN_TOKEN).body()).isEqualTo(statsBefore);
        assertThat(ids(list("service=caf&flag=redacted"))).containsExactly(id);
        JsonNode audit = json(collector.get("/api/v1/moderation/audit", TestCollector.ADMIN_TOKEN));
        assertThat(audit.get("entries").get(0).get("action").asText()).isEqualTo("redact");
        assertThat(audit.toString()).doesNotContain("effacer");

        // Nothing brings it back: marking reviewed or redacting again keeps the text erased.
        act(id, "{\"action\":\"reviewed\"}", TestCollector.ADMIN_TOKEN);
        act(id, "{\"action\":\"redact\"}", TestCollector.ADMIN_TOKEN);
        JsonNode redacted = list("service=caf&flag=redacted").get("comments").get(0);
        assertThat(redacted.get("comment").asText()).isEqualTo("[supprimé]");
        assertThat(redacted.get("flags").toString()).isEqualTo("[\"redacted\"]");
    }

    @Test
    void an_analyst_token_may_not_moderate_and_no_token_is_401() {
        start("h2");
        String id = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Bien"));
        String analyst = analystToken("caf");

        assertThat(collector.get("/api/v1/moderation?service=caf", analyst).statusCode()).isEqualTo(403);
        assertThat(act(id, "{\"action\":\"redact\"}", analyst).statusCode()).isEqualTo(403);
        assertThat(collector.get("/api/v1/moderation/audit?service=caf", analyst).statusCode()).isEqualTo(403);
        assertThat(collector.get("/api/v1/moderation/audit", analyst).statusCode()).isEqualTo(403);
        assertThat(collector.get("/api/v1/moderation?service=caf", null).statusCode()).isEqualTo(401);
        assertThat(act(id, "{\"action\":\"redact\"}", null).statusCode()).isEqualTo(401);
        assertThat(list("service=caf").get("comments").get(0).get("comment").asText()).isEqualTo("Bien");
    }

    @Test
    void a_bad_action_is_400_an_unknown_rating_404_and_a_rating_without_comment_409() {
        start("h2");
        String silent = posting.post("2026-03-01T10:00:00Z", Map.of());

        var bad = act(silent, "{\"action\":\"delete\",\"why\":1}", TestCollector.ADMIN_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"action\"").contains("\"why\"");
        assertThat(act("3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70", "{\"action\":\"redact\"}", TestCollector.ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(act(silent, "{\"action\":\"redact\"}", TestCollector.ADMIN_TOKEN).statusCode()).isEqualTo(409);
        assertThat(json(collector.get("/api/v1/moderation/audit", TestCollector.ADMIN_TOKEN)).get("entries")).isEmpty();
    }
}
