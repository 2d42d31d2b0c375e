package fr.jdma.collector.migrate;

import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.DatabaseCopy;
import fr.jdma.collector.storage.Schema;
import fr.jdma.collector.support.JarCommand;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar jdma-collector.jar migrate --from … --to …}: 100,000 ratings from H2 or SQLite to PostgreSQL. */
class MigrateIT {

    private static final int RATINGS = 100_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void migrate_copies_every_table_to_PostgreSQL_with_equal_counts_and_indicators(String kind) throws Exception {
        String from = TestDatabases.of(kind, dir);
        String token;
        String statsBefore;
        String byLocationBefore;
        try (var collector = new TestCollector(from).withService("caf").withService("cnaf")) {
            token = TestCollector.json(collector.admin("POST", "/api/v1/admin/tokens",
                    "{\"name\":\"Analyste\",\"services\":[\"caf\"]}")).get("token").asText();
            generate(collector.database());
            statsBefore = collector.get("/api/v1/stats?service=caf&by=month", token).body();
            byLocationBefore = collector.get("/api/v1/stats?service=caf&by=location", token).body();
        }
        String to = TestDatabases.postgres();

        JarCommand migrate = JarCommand.run(Map.of(), "migrate", "--from", from, "--to", to);

        assertThat(migrate.exitCode()).as(migrate.output()).isZero();
        assertThat(migrate.output()).contains("ratings: " + RATINGS + " rows", "row counts equal");
        Map<String, Integer> source;
        try (Database database = Database.open(from, "", "")) {
            source = DatabaseCopy.counts(database);
        }
        try (var collector = new TestCollector(to)) {
            assertThat(DatabaseCopy.counts(collector.database())).isEqualTo(source).containsEntry("ratings", RATINGS);
            // the analyst's token was copied too: the same token reads the same indicators
            assertThat(collector.get("/api/v1/stats?service=caf&by=month", token).body()).isEqualTo(statsBefore);
            assertThat(collector.get("/api/v1/stats?service=caf&by=location", token).body()).isEqualTo(byLocationBefore);
            assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
        }
        assertThat(statsBefore).contains("\"answers\":");
    }

    @Test
    void migrate_refuses_a_target_that_already_holds_ratings() throws Exception {
        String from = TestDatabases.h2(dir);
        String to = TestDatabases.postgres();
        try (var source = new TestCollector(from).withService("caf"); var target = new TestCollector(to).withService("caf")) {
            source.postRating(TestCollector.rating("caf"));
        }

        JarCommand migrate = JarCommand.run(Map.of(), "migrate", "--from", from, "--to", to);

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.output()).contains("already holds services", "empty database");
    }

    @Test
    void every_table_the_migrations_create_is_declared_in_Schema_so_migrate_copies_it() {
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            List<String> created = database.dsl().resultQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
                    .fetch(0, String.class).stream().filter(t -> !t.equals("flyway_schema_history")).sorted().toList();
            assertThat(Schema.tables()).extracting(Schema.Declared::name).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    /** 100,000 ratings over two services, 20 locations and two years, written through the store in batches. */
    private static void generate(Database database) {
        RatingStore store = new RatingStore(database);
        Random random = new Random(13);
        Rating.Satisfaction[] satisfaction = Rating.Satisfaction.values();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<Rating> batch = new ArrayList<>();
        for (int i = 0; i < RATINGS; i++) {
            boolean helped = random.nextBoolean();
            batch.add(new Rating(UUID.randomUUID().toString(), start.plusSeconds(random.nextInt(730 * 86_400)),
                    i % 4 == 0 ? "cnaf" : "caf", "l" + random.nextInt(20), "button", satisfaction[random.nextInt(3)],
                    random.nextInt(6) == 0 ? null : 1 + random.nextInt(5),
                    helped ? List.of(Rating.Help.PHONE) : List.of(Rating.Help.NONE),
                    helped ? random.nextBoolean() : null, helped ? 1 + random.nextInt(5) : null,
                    i % 10 == 0 ? "Commentaire " + i : null, Set.of(), null, "fr"));
            if (batch.size() == 5_000 || i == RATINGS - 1) {
                store.insert(batch);
                batch.clear();
            }
        }
    }
}
