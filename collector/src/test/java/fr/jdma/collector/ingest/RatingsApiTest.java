package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The contract of POST /api/v1/ratings (product.md), one behaviour per test. */
class RatingsApiTest {

    static final String ID = "3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70";
    static final Instant NOW = Instant.parse("2026-03-14T23:59:58.123Z");

    @TempDir
    Path dir;
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, Clock.fixed(NOW, ZoneOffset.UTC)).withService("caf");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    @Test
    void POST_of_a_valid_rating_as_text_plain_returns_201_with_its_id() {
        var response = collector.postRating(rating(""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + ID + "\"}");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(stored().get(Ratings.SATISFACTION)).isEqualTo("good");
    }

    @Test
    void POST_as_application_json_is_accepted_too() {
        var response = collector.send(request("application/json", rating("")));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void a_repeated_id_returns_200_with_the_same_body_and_stores_nothing_new() {
        var first = collector.postRating(rating(",\"location\":\"75056\""));
        var replay = collector.postRating(rating(",\"location\":\"13055\",\"satisfaction\":\"bad\"".replace(",\"satisfaction\":\"bad\"", "")));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(count()).isEqualTo(1);
        assertThat(stored().get(Ratings.LOCATION)).isEqualTo("75056");
    }

    @Test
    void a_rating_without_id_gets_one_made_by_the_collector() {
        var response = collector.postRating("{\"service\":\"caf\",\"satisfaction\":\"average\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TestCollector.json(response).get("id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_id_the_collector_makes_is_time_ordered_like_the_widgets() {
        var response = collector.postRating("{\"service\":\"caf\",\"satisfaction\":\"good\"}");

        UUID id = UUID.fromString(TestCollector.json(response).get("id").asText());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isCloseTo(System.currentTimeMillis(), within(60_000L));
    }

    @Test
    void every_answer_is_stored_with_the_server_time_in_UTC() {
        var response = collector.postRating("{\"id\":\"" + ID + "\",\"service\":\"caf\",\"location\":\"caf-94\",\"source\":\"email\","
                + "\"satisfaction\":\"average\",\"clarity\":4,\"help\":[\"phone\",\"websites\"],\"helpReached\":false,"
                + "\"helpQuality\":2,\"comment\":\"Rien à signaler\",\"page\":\"https://caf.fr/aide\",\"lang\":\"fr\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        Record row = stored();
        assertThat(row.get(Ratings.RECEIVED_AT)).isEqualTo(NOW.toEpochMilli());
        assertThat(row.get(Ratings.LOCATION)).isEqualTo("caf-94");
        assertThat(row.get(Ratings.SOURCE)).isEqualTo("email");
        assertThat(row.get(Ratings.CLARITY)).isEqualTo((short) 4);
        assertThat(row.get(Ratings.HELP)).isEqualTo("phone|websites");
        assertThat(row.get(Ratings.HELP_REACHED)).isFalse();
        assertThat(row.get(Ratings.HELP_QUALITY)).isEqualTo((short) 2);
        assertThat(row.get(Ratings.COMMENT)).isEqualTo("Rien à signaler");
        assertThat(row.get(Ratings.LANG)).isEqualTo("fr");
    }

    @Test
    void accents_emoji_and_4_byte_characters_are_stored_intact() {
        String comment = "Très bien, merci ! 😀👍🏽 𝄞 — ça marche ; « guillemets » 中文";

        var response = collector.postRating(rating(",\"comment\":\"" + comment + "\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.COMMENT)).isEqualTo(comment);
    }

    @Test
    void half_an_emoji_cut_at_the_length_limit_becomes_a_replacement_character_not_a_refusal() {
        var response = collector.postRating(rating(",\"comment\":\"Bien \\ud83d fini 😀\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.COMMENT)).isEqualTo("Bien \uFFFD fini 😀");
    }

    @Test
    void html_in_a_comment_is_stored_as_text_and_flagged() {
        var response = collector.postRating(rating(",\"comment\":\"<script>alert(1)</script> bien\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.COMMENT)).isEqualTo("<script>alert(1)</script> bien");
        assertThat(stored().get(Ratings.FLAGS)).contains("markup");
    }

    @Test
    void personal_data_in_a_comment_is_scrubbed_and_flagged() {
        var response = collector.postRating(rating(",\"comment\":\"Écrivez-moi à jean.dupont@mail.fr ou au 06 12 34 56 78, dossier 123456789\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.COMMENT)).isEqualTo("Écrivez-moi à [e-mail] ou au [téléphone], dossier [numéro]");
        assertThat(stored().get(Ratings.FLAGS)).isEqualTo("email|number|phone");
    }

    @Test
    void the_page_is_stored_without_query_nor_fragment() {
        var response = collector.postRating(rating(",\"page\":\"https://www.Caf.fr/mes-demarches/fin?dossier=123&email=a@b.fr#merci\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.PAGE)).isEqualTo("https://www.caf.fr/mes-demarches/fin");
    }

    @Test
    void malformed_JSON_returns_400_naming_the_body() {
        var response = collector.postRating("{\"service\":\"caf\",");

        assertProblem(response, 400, "body");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_body_that_is_not_an_object_returns_400() {
        assertProblem(collector.postRating("[1,2]"), 400, "body");
        assertProblem(collector.postRating(""), 400, "body");
    }

    @Test
    void wrong_types_return_400_naming_each_bad_field() {
        var response = collector.postRating("{\"id\":\"" + ID + "\",\"service\":\"caf\",\"satisfaction\":\"great\","
                + "\"clarity\":\"3\",\"help\":\"phone\",\"helpReached\":\"yes\",\"helpQuality\":4.5,\"comment\":12,"
                + "\"page\":\"javascript:alert(1)\",\"lang\":\"de\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "satisfaction", "clarity", "help", "helpReached", "helpQuality", "comment", "page", "lang");
        assertThat(count()).isZero();
    }

    @Test
    void satisfaction_is_required() {
        assertProblem(collector.postRating("{\"service\":\"caf\",\"clarity\":3}"), 400, "satisfaction");
    }

    @Test
    void service_is_required() {
        assertProblem(collector.postRating("{\"satisfaction\":\"good\"}"), 400, "service");
    }

    @Test
    void clarity_and_help_quality_must_be_whole_numbers_from_1_to_5() {
        assertProblem(collector.postRating(rating(",\"clarity\":0")), 400, "clarity");
        assertProblem(collector.postRating(rating(",\"clarity\":6")), 400, "clarity");
        assertProblem(collector.postRating(rating(",\"help\":[\"counter\"],\"helpQuality\":9")), 400, "helpQuality");
        assertProblem(collector.postRating(rating(",\"clarity\":18446744073709551619")), 400, "clarity");
        assertThat(collector.postRating(rating(",\"clarity\":5")).statusCode()).isEqualTo(201);
    }

    @Test
    void a_GET_on_the_ratings_endpoint_returns_405() {
        var response = collector.get("/api/v1/ratings", null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_POST_with_a_trailing_slash_reaches_the_same_door() {
        var response = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings/")))
                .header("Content-Type", "text/plain").header("Origin", TestCollector.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(rating(""))));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(count()).isEqualTo(1);
    }

    /** The door below Javalin answers like the routes around it: CORS header, media type, length, and a count by status. */
    @Test
    void every_answer_on_the_ratings_path_carries_the_CORS_header_and_is_counted() {
        var stored = collector.postRating(rating(""));
        var refused = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(rating(""))));
        var wrongMethod = collector.get("/api/v1/ratings", null);

        assertThat(stored.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(stored.headers().firstValue("Content-Length")).hasValue(Integer.toString(stored.body().length()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("origin https://evil.example is not among the allowed origins of service 'caf'");
        for (var response : List.of(stored, refused, wrongMethod)) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(response.toString()).hasValue("*");
        }
        assertThat(collector.get("/metrics", null).body()).contains("jdma_rating_requests_total{status=\"201\"} 1",
                "jdma_rating_requests_total{status=\"403\"} 1", "jdma_rating_requests_total{status=\"405\"} 1");
    }

    @Test
    void an_unknown_path_returns_a_404_problem() {
        var response = collector.get("/api/v1/nothing-here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void help_none_cannot_be_combined_with_another_answer() {
        assertProblem(collector.postRating(rating(",\"help\":[\"none\",\"phone\"]")), 400, "help");
        assertProblem(collector.postRating(rating(",\"help\":[\"fax\"]")), 400, "help");
    }

    @Test
    void help_reached_and_quality_are_refused_without_an_administration_channel() {
        var response = collector.postRating(rating(",\"help\":[\"relative\"],\"helpReached\":true,\"helpQuality\":3"));

        assertThat(fields(response)).containsExactlyInAnyOrder("helpReached", "helpQuality");
    }

    @Test
    void the_widget_abuse_fields_hp_and_elapsed_are_accepted_and_checked() {
        assertThat(collector.postRating(rating(",\"hp\":\"\",\"elapsed\":8200")).statusCode()).isEqualTo(201);

        var response = collector.postRating(rating(",\"hp\":3,\"elapsed\":-1").replace(ID, "3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f71"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"hp\"").contains("\"field\":\"elapsed\"");
    }

    @Test
    void an_unknown_field_is_named_in_a_400() {
        assertProblem(collector.postRating(rating(",\"rating\":5")), 400, "rating");
    }

    @Test
    void a_location_is_1_to_64_characters_among_letters_digits_dot_underscore_and_dash() {
        assertProblem(collector.postRating(rating(",\"location\":\"Paris 15\"")), 400, "location");
        assertProblem(collector.postRating(rating(",\"location\":\"" + "a".repeat(65) + "\"")), 400, "location");
        assertThat(collector.postRating(rating(",\"location\":\"" + "a".repeat(64) + "\"")).statusCode()).isEqualTo(201);
    }

    @Test
    void an_empty_location_means_the_service_as_a_whole() {
        assertThat(collector.postRating(rating(",\"location\":\"\"")).statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.LOCATION)).isEmpty();
    }

    @Test
    void a_comment_of_2000_characters_is_accepted_and_one_more_is_refused() {
        String emoji = "😀".repeat(2000);  // 2000 characters, 4000 UTF-16 units, 8000 bytes in UTF-8
        assertThat(collector.send(request("text/plain", "{\"service\":\"caf\",\"satisfaction\":\"good\",\"comment\":\"" + "é".repeat(2000) + "\"}")).statusCode())
                .isEqualTo(201);
        assertProblem(collector.postRating("{\"service\":\"caf\",\"satisfaction\":\"good\",\"comment\":\"" + "a".repeat(2001) + "\"}"), 400, "comment");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(2000);
    }

    @Test
    void a_missing_Origin_returns_403() {
        var response = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(rating(""))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count()).isZero();
    }

    @Test
    void a_foreign_Origin_returns_403() {
        var response = collector.send(request("text/plain", rating("")).setHeader("Origin", "https://evil.example.com"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestCollector.json(response).get("detail").asText()).contains("https://evil.example.com");
    }

    @Test
    void the_collector_own_pages_are_always_allowed() {
        String own = collector.url("").replace("/", "/").replaceAll("/$", "");
        var response = collector.send(request("text/plain", rating("")).setHeader("Origin", own));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void an_unknown_service_returns_404() {
        assertThat(collector.postRating("{\"service\":\"nope\",\"satisfaction\":\"good\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_disabled_service_returns_404() {
        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"CAF\",\"allowedOrigins\":[\"" + TestCollector.ORIGIN + "\"],\"enabled\":false}");

        assertThat(collector.postRating(rating("")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_over_8_KiB_returns_413() {
        String big = rating(",\"comment\":\"" + "a".repeat(8 * 1024) + "\"");

        assertThat(collector.postRating(big).statusCode()).isEqualTo(413);
    }

    @Test
    void a_chunked_body_over_8_KiB_returns_413() {
        byte[] big = rating(",\"comment\":\"" + "a".repeat(9000) + "\"").getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher has no known length: the JDK client sends it chunked.
        var response = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", TestCollector.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(count()).isZero();
    }

    @Test
    void another_content_type_returns_415() {
        assertThat(collector.send(request("application/x-www-form-urlencoded", "service=caf")).statusCode()).isEqualTo(415);
        assertThat(collector.send(request("text/plain; charset=iso-8859-1", rating(""))).statusCode()).isEqualTo(415);
    }

    @Test
    void a_CORS_preflight_for_application_json_is_answered() {
        var response = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestCollector.ORIGIN).header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");
    }

    @Test
    void an_answer_to_a_hidden_question_is_not_kept() {
        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"CAF\",\"allowedOrigins\":[\"" + TestCollector.ORIGIN + "\"],"
                + "\"hiddenQuestions\":[\"clarity\",\"comment\"]}");

        var response = collector.postRating(rating(",\"clarity\":2,\"comment\":\"bof\""));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(stored().get(Ratings.CLARITY)).isNull();
        assertThat(stored().get(Ratings.COMMENT)).isNull();
    }

    private HttpRequest.Builder request(String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", contentType).header("Origin", TestCollector.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The fixed-id rating for service caf, with extra JSON members appended. */
    static String rating(String extra) {
        String base = "{\"id\":\"" + ID + "\",\"service\":\"caf\"";
        return extra.contains("\"satisfaction\"") ? base + extra + "}" : base + ",\"satisfaction\":\"good\"" + extra + "}";
    }

    private Record stored() {
        return collector.database().dsl().selectFrom(Ratings.TABLE).fetchAny();
    }

    private int count() {
        return collector.database().dsl().fetchCount(Ratings.TABLE);
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(response)).contains(field);
    }

    static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : TestCollector.json(response).path("errors")) fields.add(error.get("field").asText());
        return fields;
    }
}
