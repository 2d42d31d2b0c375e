package fr.jdma.collector.stats;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class StatsApiTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T00:00:00Z");
    TestCollector collector;
    Posting ratings;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf").withService("impots");
        ratings = new Posting(collector, clock);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    HttpResponse<String> stats(String query) {
        return collector.get("/api/v1/stats?" + query, TestCollector.ADMIN_TOKEN);
    }

    JsonNode groups(String query) {
        var response = stats(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("groups");
    }

    static List<String> periods(JsonNode groups) {
        return groups.findValuesAsText("period");
    }

    @Test
    void stats_by_location_give_one_group_per_location_over_the_period_of_the_query() {
        ratings.post("2026-03-02T10:00:00Z", Map.of("location", "caf-94", "satisfaction", "good", "clarity", 5,
                "help", List.of("counter"), "helpReached", true, "helpQuality", 4));
        ratings.post("2026-03-03T10:00:00Z", Map.of("location", "caf-94", "satisfaction", "average", "clarity", 2,
                "help", List.of("none")));
        ratings.post("2026-03-04T10:00:00Z", Map.of("location", "caf-75", "satisfaction", "bad"));
        ratings.post("2026-03-04T10:00:00Z", Map.of("service", "impots", "location", "caf-94"));

        JsonNode groups = groups("service=caf&from=2026-03-01&to=2026-03-31");

        assertThat(groups).hasSize(2);
        assertThat(groups.findValuesAsText("location")).containsExactly("caf-75", "caf-94");
        assertThat(periods(groups)).containsExactly("2026-03-01/2026-03-31", "2026-03-01/2026-03-31");
        JsonNode caf94 = groups.get(1);
        assertThat(caf94.get("service").asText()).isEqualTo("caf");
        assertThat(caf94.get("answers").asLong()).isEqualTo(2);
        assertThat(caf94.get("satisfaction").toString())
                .isEqualTo("{\"score\":7.5,\"level\":\"avis_insuffisants\",\"good\":1,\"average\":1,\"bad\":0}");
        assertThat(caf94.get("clarity").toString()).isEqualTo("{\"score\":6.3,\"answers\":2}"); // (10 + 2.5) / 2 = 6.25
        assertThat(caf94.get("helpReached").toString()).isEqualTo("{\"percent\":100.0,\"answers\":1}");
        assertThat(caf94.get("helpQuality").toString()).isEqualTo("{\"score\":7.5,\"answers\":1}");
        assertThat(caf94.get("autonomy").toString()).isEqualTo("{\"score\":5.0,\"answers\":2}");
        assertThat(groups.get(0).get("clarity").get("score").isNull()).isTrue();
    }

    @Test
    void without_from_and_to_a_location_group_spans_its_first_to_last_day_with_answers() {
        ratings.post("2026-02-10T10:00:00Z", Map.of("location", "caf-94"));
        ratings.post("2026-03-20T10:00:00Z", Map.of("location", "caf-94"));

        assertThat(periods(groups("service=caf"))).containsExactly("2026-02-10/2026-03-20");
        assertThat(periods(groups("service=caf&from=2026-01-01"))).containsExactly("2026-01-01/2026-03-20");
    }

    @Test
    void by_day_puts_ratings_either_side_of_midnight_UTC_in_different_days() {
        ratings.post("2026-03-01T23:59:59.999Z", Map.of("satisfaction", "good"));
        ratings.post("2026-03-02T00:00:00.000Z", Map.of("satisfaction", "bad"));
        ratings.post("2026-03-02T23:00:00Z", Map.of("satisfaction", "bad"));

        JsonNode groups = groups("service=caf&by=day");

        assertThat(periods(groups)).containsExactly("2026-03-01", "2026-03-02");
        assertThat(groups).extracting(g -> g.get("answers").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void the_period_filter_takes_whole_UTC_days_with_to_inclusive() {
        ratings.post("2026-02-28T23:59:59.999Z", Map.of());
        ratings.post("2026-03-01T00:00:00Z", Map.of());
        ratings.post("2026-03-31T23:59:59.999Z", Map.of());
        ratings.post("2026-04-01T00:00:00Z", Map.of());

        assertThat(groups("service=caf&from=2026-03-01&to=2026-03-31").get(0).get("answers").asLong()).isEqualTo(2);
    }

    @Test
    void by_week_uses_ISO_weeks_including_across_the_new_year() {
        ratings.post("2025-12-31T12:00:00Z", Map.of()); // Wednesday of 2026-W01
        ratings.post("2026-03-01T12:00:00Z", Map.of()); // Sunday: still 2026-W09
        ratings.post("2026-03-02T12:00:00Z", Map.of()); // Monday: 2026-W10

        assertThat(periods(groups("service=caf&by=week"))).containsExactly("2026-W01", "2026-W09", "2026-W10");
    }

    @Test
    void by_month_groups_per_location_and_calendar_month() {
        ratings.post("2026-02-28T23:59:59Z", Map.of("location", "caf-94"));
        ratings.post("2026-03-01T00:00:00Z", Map.of("location", "caf-94"));
        ratings.post("2026-03-15T00:00:00Z", Map.of("location", "caf-94"));
        ratings.post("2026-03-15T00:00:00Z", Map.of("location", "caf-75"));

        JsonNode groups = groups("service=caf&by=month");

        assertThat(groups).extracting(g -> g.get("location").asText() + " " + g.get("period").asText() + " " + g.get("answers").asText())
                .containsExactly("caf-75 2026-03 1", "caf-94 2026-02 1", "caf-94 2026-03 2");
    }

    @Test
    void the_location_filter_keeps_one_location() {
        ratings.post("2026-03-01T10:00:00Z", Map.of("location", "caf-94"));
        ratings.post("2026-03-01T10:00:00Z", Map.of("location", "caf-75"));

        assertThat(groups("service=caf&location=caf-75").findValuesAsText("location")).containsExactly("caf-75");
    }

    @Test
    void indicators_come_from_the_daily_rollups_not_from_raw_ratings() {
        ratings.post("2026-03-01T10:00:00Z", Map.of());
        collector.database().dsl().deleteFrom(Ratings.TABLE).execute();

        assertThat(groups("service=caf").get(0).get("answers").asLong()).isEqualTo(1);
    }

    @Test
    void bad_parameters_answer_400_naming_each_of_them() {
        var response = stats("by=year&from=2026-13-01&location=a%20b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("location", "from", "by");
    }

    @Test
    void stats_without_service_give_the_groups_of_every_service_the_token_may_read() {
        ratings.post("2026-03-02T10:00:00Z", Map.of("location", "75056"));
        ratings.post("2026-03-02T11:00:00Z", Map.of("service", "impots", "location", "75056"));
        String cafOnly = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"n\",\"services\":[\"caf\"]}")).get("token").asText();

        JsonNode all = groups("by=location");
        JsonNode scoped = json(collector.get("/api/v1/stats", cafOnly)).get("groups");

        assertThat(all.findValuesAsText("service")).containsExactly("caf", "impots");
        assertThat(scoped.findValuesAsText("service")).containsExactly("caf");
    }

    @Test
    void stats_need_a_token_whose_scope_holds_the_service() {
        String cafOnly = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"n\",\"services\":[\"caf\"]}")).get("token").asText();

        assertThat(collector.get("/api/v1/stats?service=caf", null).statusCode()).isEqualTo(401);
        assertThat(collector.get("/api/v1/stats?service=caf", cafOnly).statusCode()).isEqualTo(200);
        assertThat(collector.get("/api/v1/stats?service=impots", cafOnly).statusCode()).isEqualTo(403);
        assertThat(collector.get("/api/v1/stats.csv?service=impots", cafOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void stats_csv_gives_the_same_groups_with_one_column_per_value() throws Exception {
        ratings.post("2026-03-02T10:00:00Z", Map.of("location", "caf-94", "satisfaction", "good", "clarity", 5,
                "help", List.of("counter"), "helpReached", false, "helpQuality", 1));
        ratings.post("2026-03-03T10:00:00Z", Map.of("location", "caf-94", "satisfaction", "bad"));

        var response = collector.get("/api/v1/stats.csv?service=caf&by=month", TestCollector.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"jdma-stats-caf-debut-fin.csv\"");
        assertThat(response.body()).startsWith("service,location,period,answers,satisfaction_score,satisfaction_level,good,average,bad,"
                + "clarity_score,clarity_answers,help_reached_percent,help_reached_answers,help_quality_score,help_quality_answers,"
                + "autonomy_score,autonomy_answers\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).containsExactly("caf", "caf-94", "2026-03", "2", "5.0", "avis_insuffisants",
                "1", "0", "1", "10.0", "1", "0.0", "1", "0.0", "1", "0.0", "1");
    }

    @Test
    void stats_csv_with_excel_true_uses_the_excel_variant() {
        ratings.post("2026-03-02T10:00:00Z", Map.of());

        String body = collector.get("/api/v1/stats.csv?service=caf&excel=true", TestCollector.ADMIN_TOKEN).body();

        assertThat(body).startsWith("\uFEFFservice;location;period;answers;");
        assertThat(body).contains("\r\ncaf;;2026-03-02/2026-03-02;1;10.0;avis_insuffisants;");
    }
}
