package fr.jdma.collector.input;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Dates far outside any rating's lifetime are refused by name, never overflowed into a 500 or "every row". */
class ExtremeDatesTest {

    @TempDir
    static Path dir;
    static TestCollector collector;

    @BeforeAll
    static void start() {
        collector = new TestCollector(TestDatabases.h2(dir)).withService("caf");
        assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({
            "/api/v1/exports/ratings.csv, from, +999999999-01-01",
            "/api/v1/exports/ratings.csv, from, -999999999-01-01",
            "/api/v1/exports/ratings.csv, to, +999999999-12-31",
            "/api/v1/exports/ratings.csv, from, +292278994-08-17",
            "/api/v1/stats, from, +999999999-01-01",
            "/api/v1/stats, from, -999999999-01-01",
            "/api/v1/stats, to, +999999999-12-31",
            "/api/v1/stats, from, +292278994-08-17",
            "/api/v1/stats.csv, from, +999999999-01-01",
            "/api/v1/stats.csv, from, -999999999-01-01",
            "/api/v1/stats.csv, to, +999999999-12-31",
            "/api/v1/stats.csv, from, +292278994-08-17",
            "/api/v1/stats, to, 2026-02-30",
    })
    void an_extreme_or_impossible_date_is_a_400_problem_naming_the_field(String path, String field, String date) {
        var response = collector.get(path + "?service=caf&" + field + "=" + URLEncoder.encode(date, StandardCharsets.UTF_8),
                TestCollector.ADMIN_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly(field);
    }
}
