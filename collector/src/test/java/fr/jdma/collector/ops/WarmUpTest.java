package fr.jdma.collector.ops;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.results.PlaceNames;
import fr.jdma.collector.results.PublicResults;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.RollupReader;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The start's warm-up leaves the first readers' indicators computed, and never stale. */
class WarmUpTest {

    @TempDir
    Path dir;

    @Test
    void after_the_warm_up_the_first_reader_is_served_without_summing_and_a_new_rating_is_still_counted() {
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            ServiceCatalogue catalogue = new ServiceCatalogue(database, clock);
            catalogue.create(service("caf", true));
            catalogue.create(service("msa", false));
            RatingStore store = new RatingStore(database);
            List<Rating> ratings = new ArrayList<>();
            for (int i = 0; i < 30; i++) ratings.add(rating(i % 2 == 0 ? "caf" : "msa", String.format("%05d", 75001 + i % 5)));
            store.insert(ratings);
            RollupReader rollups = new RollupReader(database);
            Statistics statistics = new Statistics(rollups, Geography.official());
            PublicResults results = new PublicResults(catalogue, statistics, new PlaceNames(Geography.official()), clock);

            new WarmUp(catalogue, statistics, results, Duration.ofSeconds(30)).run();
            long summed = rollups.sums();
            // each service by location over all time, and the public one's results page (its twelve months)
            assertThat(summed).isEqualTo(3);

            List<Indicators> caf = statistics.indicators(byLocation("caf"));
            List<Indicators> msa = statistics.indicators(byLocation("msa"));
            assertThat(results.of(catalogue.find("caf").orElseThrow(), null).groups()).hasSize(5);
            assertThat(rollups.sums()).isEqualTo(summed);
            assertThat(caf).hasSize(5).allSatisfy(g -> assertThat(g.answers()).isEqualTo(3));
            assertThat(msa).hasSize(5);
            assertThat(caf).isEqualTo(new Statistics(new RollupReader(database)).indicators(byLocation("caf")));

            store.insert(List.of(rating("caf", "75001")));
            assertThat(statistics.indicators(byLocation("caf"))).first().satisfies(g -> assertThat(g.answers()).isEqualTo(4));
        }
    }

    @Test
    void out_of_time_the_warm_up_stops_and_leaves_nothing_half_done() {
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            ServiceCatalogue catalogue = new ServiceCatalogue(database, Clock.systemUTC());
            catalogue.create(service("caf", true));
            new RatingStore(database).insert(List.of(rating("caf", "75001")));
            RollupReader rollups = new RollupReader(database);
            Statistics statistics = new Statistics(rollups, Geography.official());
            PublicResults results = new PublicResults(catalogue, statistics, new PlaceNames(Geography.official()), Clock.systemUTC());

            new WarmUp(catalogue, statistics, results, Duration.ofNanos(-1)).run();
            assertThat(rollups.sums()).isZero();
            assertThat(statistics.indicators(byLocation("caf"))).singleElement().satisfies(g -> assertThat(g.answers()).isEqualTo(1));
        }
    }

    private static StatsQuery byLocation(String service) {
        return new StatsQuery(service, null, Period.ALWAYS, StatsQuery.Grouping.LOCATION);
    }

    private static Service service(String id, boolean isPublic) {
        return new Service(id, id.toUpperCase(), "", List.of("https://www.example.fr"), isPublic, List.of(), true, Map.of());
    }

    private static Rating rating(String service, String location) {
        return new Rating(UUID.randomUUID().toString(), Instant.now(), service, location, "button", Rating.Satisfaction.GOOD, 4,
                List.of(), null, null, null, Set.of(), null, "fr");
    }
}
