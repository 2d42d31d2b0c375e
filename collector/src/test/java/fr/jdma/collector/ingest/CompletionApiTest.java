package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.Record;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion rule of product.md over HTTP on every database: a rating stored with its
 * first answer is completed once, within an hour, by a POST of the same id that adds the
 * optional answers it lacked; indicators follow in the same transaction.
 */
class CompletionApiTest {

    static final String AT = "2026-05-04T10:00:00Z";

    @TempDir
    Path dir;

    final String id = UUID.randomUUID().toString();
    final TestClock clock = new TestClock(AT);

    TestCollector start(String kind) {
        return new TestCollector(TestDatabases.of(kind, dir), c -> c, clock).withService("caf");
    }

    String body(String more) {
        return "{\"id\":\"" + id + "\",\"service\":\"caf\",\"location\":\"75056\",\"satisfaction\":\"average\"" + more + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_second_POST_of_the_id_adding_clarity_completes_the_same_row_and_its_indicators(String kind) throws Exception {
        try (TestCollector collector = start(kind)) {
            assertThat(collector.postRating(body("")).statusCode()).isEqualTo(201);
            clock.set("2026-05-04T10:00:40Z");

            var completion = collector.postRating(body(",\"clarity\":4,\"help\":[\"phone\"],\"helpReached\":true,\"comment\":\"Clair\""));

            assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
            assertThat(completion.body()).isEqualTo("{\"id\":\"" + id + "\",\"completed\":true}");
            List<CSVRecord> rows = export(collector);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("id")).isEqualTo(id);
            assertThat(rows.get(0).get("received_at")).isEqualTo("2026-05-04T10:00:00.000Z");
            assertThat(rows.get(0).get("satisfaction")).isEqualTo("average");
            assertThat(rows.get(0).get("clarity")).isEqualTo("4");
            assertThat(rows.get(0).get("help")).isEqualTo("phone");
            assertThat(rows.get(0).get("help_reached")).isEqualTo("true");
            assertThat(rows.get(0).get("comment")).isEqualTo("Clair");
            JsonNode group = stats(collector);
            assertThat(group.get("answers").asInt()).isEqualTo(1);
            assertThat(group.at("/satisfaction/average").asInt()).isEqualTo(1);
            assertThat(group.at("/clarity/answers").asInt()).isEqualTo(1);
            assertThat(group.at("/clarity/score").asDouble()).isEqualTo(7.5);
            assertThat(group.at("/helpReached/percent").asDouble()).isEqualTo(100.0);
            assertThat(row(collector).get(Ratings.COMPLETED_AT)).isEqualTo(java.time.Instant.parse("2026-05-04T10:00:40Z").toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_replay_of_the_completion_is_a_200_that_changes_nothing(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(""));
            String completion = body(",\"clarity\":2");
            var first = collector.postRating(completion);
            var rollupsBefore = rollups(collector);

            var replay = collector.postRating(completion);
            var firstStepAgain = collector.postRating(body(""));

            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(firstStepAgain.statusCode()).isEqualTo(200);
            assertThat(rollups(collector)).isEqualTo(rollupsBefore);
            assertThat(export(collector)).singleElement().satisfies(r -> assertThat(r.get("clarity")).isEqualTo("2"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_different_satisfaction_is_a_409_and_the_stored_rating_stands(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(""));

            var response = collector.postRating(body(",\"clarity\":5").replace("average", "good"));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(TestCollector.json(response).get("detail").asText()).contains("satisfaction 'average'").contains("'good'");
            assertThat(export(collector)).singleElement().satisfies(r -> {
                assertThat(r.get("satisfaction")).isEqualTo("average");
                assertThat(r.get("clarity")).isEmpty();
            });
            assertThat(stats(collector).at("/clarity/answers").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_completion_after_an_hour_is_a_409_and_changes_nothing(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(""));
            clock.set("2026-05-04T11:00:00.001Z");

            var response = collector.postRating(body(",\"clarity\":5"));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(TestCollector.json(response).get("detail").asText()).contains("within one hour");
            assertThat(export(collector)).singleElement().satisfies(r -> assertThat(r.get("clarity")).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_second_completion_is_a_409_and_changes_nothing(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(""));
            assertThat(collector.postRating(body(",\"clarity\":3")).statusCode()).isEqualTo(200);

            var second = collector.postRating(body(",\"clarity\":3,\"comment\":\"Encore\""));

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(TestCollector.json(second).get("detail").asText()).contains("already completed");
            assertThat(export(collector)).singleElement().satisfies(r -> assertThat(r.get("comment")).isEmpty());
            assertThat(stats(collector).at("/clarity/answers").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_completion_cannot_change_an_answer_already_stored(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(",\"clarity\":1"));

            var response = collector.postRating(body(",\"clarity\":5,\"comment\":\"Bien\""));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(TestCollector.json(response).get("detail").asText()).contains("clarity");
            assertThat(export(collector)).singleElement().satisfies(r -> {
                assertThat(r.get("clarity")).isEqualTo("1");
                assertThat(r.get("comment")).isEmpty();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void an_id_of_another_service_is_a_409(String kind) {
        try (TestCollector collector = start(kind).withService("impots")) {
            collector.postRating(body(""));

            var response = collector.postRating(body(",\"clarity\":4").replace("\"caf\"", "\"impots\""));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(TestCollector.json(response).get("detail").asText()).contains("another service");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void a_comment_added_by_completion_is_scrubbed_and_flagged_like_any_other(String kind) {
        try (TestCollector collector = start(kind)) {
            collector.postRating(body(""));

            collector.postRating(body(",\"comment\":\"Appelez le 06 12 34 56 78\""));

            assertThat(export(collector)).singleElement().satisfies(r -> {
                assertThat(r.get("comment")).isEqualTo("Appelez le [téléphone]");
                assertThat(r.get("flags")).isEqualTo("phone");
            });
        }
    }

    private List<CSVRecord> export(TestCollector collector) {
        var response = collector.get("/api/v1/exports/ratings.csv?service=caf", TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body())).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode stats(TestCollector collector) {
        var response = collector.get("/api/v1/stats?service=caf&location=75056", TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestCollector.json(response).get("groups").get(0);
    }

    private Record row(TestCollector collector) {
        return collector.database().dsl().selectFrom(Ratings.TABLE).where(Ratings.ID.eq(id)).fetchOne();
    }

    private List<List<Object>> rollups(TestCollector collector) {
        return collector.database().dsl().selectFrom(DailyRollups.TABLE).fetch()
                .map(r -> List.of(r.intoArray()));
    }
}
