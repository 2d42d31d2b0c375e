package fr.jdma.collector.export;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class FlagsFilterTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;

    @AfterEach
    void stop() {
        if (collector != null) collector.close();
    }

    List<String> exportedIds(String query) {
        var response = collector.get("/api/v1/exports/ratings.csv?service=caf&" + query, TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().skip(1).map(line -> line.substring(0, 36)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void the_flags_filter_keeps_the_ratings_carrying_any_of_the_listed_flags(String kind) {
        collector = new TestCollector(TestDatabases.of(kind, dir), c -> c, clock).withService("caf");
        Posting posting = new Posting(collector, clock);
        String insult = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Quels idiots"));
        String phone = posting.post("2026-03-01T10:01:00Z", Map.of("comment", "Rappelez-moi au 06 12 34 56 78"));
        posting.post("2026-03-01T10:02:00Z", Map.of("comment", "Très bien"));
        posting.post("2026-03-01T10:03:00Z", Map.of());

        assertThat(exportedIds("flags=insult")).containsExactly(insult);
        assertThat(exportedIds("flags=insult,phone")).containsExactly(insult, phone);
        assertThat(exportedIds("flags=insult%7Cphone")).containsExactly(insult, phone);
        assertThat(exportedIds("flags=duplicate")).isEmpty();
        assertThat(exportedIds("")).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void an_unknown_flag_is_400_naming_the_parameter(String kind) {
        collector = new TestCollector(TestDatabases.of(kind, dir), c -> c, clock).withService("caf");
        var response = collector.get("/api/v1/exports/ratings.csv?flags=insult,rude", TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("flags");
        assertThat(json(response).get("errors").get(0).get("detail").asText()).contains("rude");
    }
}
