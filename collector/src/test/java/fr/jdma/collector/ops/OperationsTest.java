package fr.jdma.collector.ops;

import fr.jdma.collector.storage.Schema.DailyRollups;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest {

    @TempDir
    Path dir;

    @Test
    void health_answers_200_when_the_database_answers() {
        try (var collector = new TestCollector(TestDatabases.h2(dir))) {
            var health = collector.get("/health", null);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"up\",\"database\":\"h2\"}");
        }
    }

    @Test
    void metrics_count_answers_by_status_in_the_Prometheus_format() {
        try (var collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            collector.postRating(TestCollector.rating("caf"));
            collector.postRating("{\"service\":\"caf\"}");

            String metrics = collector.get("/metrics", null).body();

            assertThat(metrics).contains("# TYPE jdma_rating_requests_total counter",
                    "jdma_rating_requests_total{status=\"201\"} 1", "jdma_rating_requests_total{status=\"400\"} 1",
                    "jdma_ratings_written_total 1", "# TYPE jdma_ratings_written_total counter", "# TYPE jdma_writer_queue gauge");
        }
    }

    @Test
    void ratings_older_than_the_retention_are_deleted_and_their_indicators_kept() {
        String url = TestDatabases.h2(dir);
        Instant then = Instant.parse("2025-01-10T12:00:00Z");
        try (var collector = new TestCollector(url, c -> c, Clock.fixed(then, ZoneOffset.UTC)).withService("caf")) {
            collector.postRating(TestCollector.rating("caf"));
        }
        try (var collector = new TestCollector(url, c -> c, at(then, 20))) {
            collector.postRating(TestCollector.rating("caf"));
        }
        try (var collector = new TestCollector(url, c -> c.withRetentionDays(365), at(then, 375))) {
            assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isEqualTo(1);  // the one of day 20 is kept
        }
        try (var collector = new TestCollector(url, c -> c.withRetentionDays(365), at(then, 400))) {
            assertThat(collector.database().dsl().fetchCount(Ratings.TABLE)).isZero();
            assertThat(collector.database().dsl().fetchCount(DailyRollups.TABLE)).isEqualTo(2);
        }
    }

    private static Clock at(Instant start, int days) {
        return Clock.fixed(start.plusSeconds(86_400L * days), ZoneOffset.UTC);
    }
}
