package fr.jdma.collector.stats;

import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators by location are computed once and served again only while the service's rollups are
 * unchanged: never a stale answer, whoever wrote (this collector, or another sharing the database).
 */
class IndicatorsKeptUpToDateTest {

    @TempDir
    Path dir;

    static Rating rating(String id, String location, Rating.Satisfaction satisfaction, Integer clarity) {
        return new Rating(id, Instant.now(), "caf", location, "button", satisfaction, clarity, List.of(), null, null,
                null, Set.of(), null, "fr");
    }

    static StatsQuery byLocation() {
        return new StatsQuery("caf", null, Period.ALWAYS, StatsQuery.Grouping.LOCATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void indicators_asked_again_change_as_soon_as_a_rating_or_a_completion_is_stored(String kind) {
        try (Database database = Database.open(TestDatabases.of(kind, dir), "", "")) {
            RatingStore store = new RatingStore(database);
            Statistics statistics = new Statistics(new RollupReader(database));
            store.insert(List.of(rating(UUID.randomUUID().toString(), "75056", Rating.Satisfaction.GOOD, null)));
            List<Indicators> first = statistics.indicators(byLocation());
            assertThat(first).singleElement().satisfies(g -> assertThat(g.answers()).isEqualTo(1));
            assertThat(statistics.indicators(byLocation())).isEqualTo(first);

            String id = UUID.randomUUID().toString();
            store.insert(List.of(rating(id, "75056", Rating.Satisfaction.BAD, null)));
            assertThat(statistics.indicators(byLocation())).singleElement().satisfies(g -> {
                assertThat(g.answers()).isEqualTo(2);
                assertThat(g.satisfaction().bad()).isEqualTo(1);
                assertThat(g.clarity().answers()).isZero();
            });

            // a completion adds an answer without adding a rating
            store.insert(List.of(rating(id, "75056", Rating.Satisfaction.BAD, 5)));
            assertThat(statistics.indicators(byLocation())).singleElement().satisfies(g -> {
                assertThat(g.answers()).isEqualTo(2);
                assertThat(g.clarity().answers()).isEqualTo(1);
            });

            store.insert(List.of(rating(UUID.randomUUID().toString(), "13055", Rating.Satisfaction.GOOD, 3)));
            assertThat(statistics.indicators(byLocation())).extracting(Indicators::location).containsExactly("13055", "75056");
        }
    }

    @Test
    void indicators_kept_by_one_collector_change_when_another_collector_sharing_postgresql_stores_a_rating() {
        String url = TestDatabases.postgres();
        try (Database one = Database.open(url, "", ""); Database other = Database.open(url, "", "")) {
            Statistics statistics = new Statistics(new RollupReader(one));
            RatingStore elsewhere = new RatingStore(other);
            elsewhere.insert(List.of(rating(UUID.randomUUID().toString(), "75056", Rating.Satisfaction.GOOD, null)));
            assertThat(statistics.indicators(byLocation())).singleElement().satisfies(g -> assertThat(g.answers()).isEqualTo(1));

            elsewhere.insert(List.of(rating(UUID.randomUUID().toString(), "75056", Rating.Satisfaction.AVERAGE, null)));
            assertThat(statistics.indicators(byLocation())).singleElement().satisfies(g -> {
                assertThat(g.answers()).isEqualTo(2);
                assertThat(g.satisfaction().average()).isEqualTo(1);
            });
        }
    }
}
