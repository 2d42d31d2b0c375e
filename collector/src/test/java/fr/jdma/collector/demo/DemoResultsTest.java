package fr.jdma.collector.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.stats.RollupReader;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode's synthetic year: labelled, spread over communes above and under 100 answers, seeded once. */
class DemoResultsTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-31T12:00:00Z");

    void seed(TestCollector collector) {
        DemoResults.ensureService(new ServiceCatalogue(collector.database(), clock));
        DemoResults.seed(new Statistics(new RollupReader(collector.database())), new RatingStore(collector.database()), clock);
    }

    JsonNode publicStats(TestCollector collector, String level) {
        var response = collector.get("/api/v1/public/stats?service=" + DemoResults.SERVICE_ID + "&level=" + level, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void the_seeded_year_is_public_and_counted_once_across_restarts() {
        String url = TestDatabases.h2(dir);
        try (TestCollector collector = new TestCollector(url, c -> c, clock)) {
            seed(collector);
            seed(collector);
            assertThat(publicStats(collector, "national").get("groups").get(0).get("answers").asInt())
                    .isEqualTo(DemoResults.seededRatings()).isEqualTo(5025);
        }
        clock.set("2026-05-10T12:00:00Z");
        try (TestCollector restarted = new TestCollector(url, c -> c, clock)) {
            seed(restarted);
            // all time, as an analyst sees it: the public window has moved on by 40 days
            var all = restarted.get("/api/v1/stats?service=" + DemoResults.SERVICE_ID + "&level=national", TestCollector.ADMIN_TOKEN);
            assertThat(json(all).get("groups").get(0).get("answers").asInt()).isEqualTo(5025);
        }
    }

    @Test
    void some_communes_pass_the_100_answer_threshold_and_some_do_not_while_their_region_does() {
        try (TestCollector collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock)) {
            seed(collector);

            Map<String, JsonNode> communes = new HashMap<>();
            publicStats(collector, "commune").get("groups").forEach(g -> communes.put(g.get("location").asText(), g));
            Map<String, JsonNode> regions = new HashMap<>();
            publicStats(collector, "region").get("groups").forEach(g -> regions.put(g.get("location").asText(), g));

            assertThat(communes.keySet()).contains("75056", "13055", "69123", "94080", "94028", "2A004", "2B033", "97411");
            assertThat(communes.get("75056").get("satisfaction").get("score").isNumber()).isTrue();
            assertThat(communes.get("2A004").get("satisfaction").get("score").isNull()).isTrue();
            assertThat(communes.get("2B033").get("satisfaction").get("score").isNull()).isTrue();
            assertThat(regions.get("94").get("satisfaction").get("score").isNumber()).isTrue();
            assertThat(publicStats(collector, "").get("names").get("caf-94").asText()).isEqualTo("CAF du Val-de-Marne (accueil)");
        }
    }

    @Test
    void every_synthetic_rating_is_labelled_by_its_source_and_dated_in_the_year_before() {
        LocalDate today = LocalDate.parse("2026-03-31");
        List<Rating> ratings = DemoResults.ratings(today);

        assertThat(ratings).hasSize(5025).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("synthetique");
            assertThat(r.service()).isEqualTo(DemoResults.SERVICE_ID);
            LocalDate day = LocalDate.ofInstant(r.receivedAt(), java.time.ZoneOffset.UTC);
            assertThat(day).isBefore(today).isAfterOrEqualTo(today.minusDays(364));
        });
        assertThat(DemoResults.ratings(today)).extracting(Rating::id).containsExactlyElementsOf(ratings.stream().map(Rating::id).toList());
    }
}
