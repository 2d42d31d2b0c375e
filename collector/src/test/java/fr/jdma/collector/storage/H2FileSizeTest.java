package fr.jdma.collector.storage;

import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.TestDatabases;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.jdma.collector.support.ARating.aRating;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 writes a chunk per commit and, with WRITE_DELAY=0, runs no housekeeping of its own: the file grew
 * by tens of KB per rating stored one at a time (the quiet hours of a real service, when every group
 * commit holds one rating). The database's maintenance compacts it once the store is quiet and no
 * connection is in use; under load it rewrites sparse chunks instead (see Dialect.H2's maintain).
 */
class H2FileSizeTest {

    @TempDir
    Path dir;

    @Test
    void ratings_committed_one_by_one_leave_a_file_near_the_size_of_their_data() throws Exception {
        Path file = dir.resolve("jdma.mv.db");
        int ratings = 1000;
        // no scheduled round while the ratings go in: "before" is the unmaintained file
        try (Database database = Database.open(TestDatabases.h2(dir), "", "", Duration.ZERO, Duration.ofHours(1))) {
            insertOneByOne(database, ratings);
            long before = Files.size(file);
            long after = before;
            // each round is bounded in time (H2Housekeeping.COMPACT_FOR): as many as it takes, as the schedule would
            for (int round = 0; round < 100; round++) {
                database.maintain();
                long size = Files.size(file);
                if (size >= after && round > 3) break;
                after = Math.min(after, size);
            }
            System.out.printf("figure: H2 file after %d ratings committed one by one: %d KB, %d KB after maintenance%n",
                    ratings, before / 1024, after / 1024);
            assertThat(before).as("unmaintained, one-rating commits leave tens of KB each").isGreaterThan(ratings * 10L * 1024);
            // about 0.5 KB of data and indexes per rating
            assertThat(after).isLessThan(ratings * 3L * 1024);
            assertThat(database.dsl().fetchCount(Schema.Ratings.TABLE)).isEqualTo(ratings);
        }
        try (Database reopened = Database.open(TestDatabases.h2(dir), "", "")) {
            assertThat(reopened.dsl().fetchCount(Schema.Ratings.TABLE)).as("every rating is there after the pages moved").isEqualTo(ratings);
        }
    }

    @Test
    void under_load_the_sparse_chunks_are_rewritten_in_committed_steps_so_that_the_ratings_commits_go_in_between() throws Exception {
        try (Database database = Database.open(TestDatabases.h2(dir), "", "", Duration.ZERO, Duration.ofHours(1))) {
            insertOneByOne(database, 1000);  // a chunk per rating, each left sparse by the next ones
            MVStore store = H2Housekeeping.store(database.dsl());
            store.setRetentionTime(0);  // H2 rewrites a chunk once it is older than this (45 s): the test does not wait
            long before = store.getCurrentVersion();
            database.maintain();  // commits since the last round: the rewrite, not the compaction of a quiet file
            // the store's version counts its commits: one per step, where a single rewrite of 2 MB held its lock
            // for 50-80 ms under load, and the group commit waited behind it
            assertThat(store.getCurrentVersion() - before)
                    .as("commits of one round, a step of at most %d KB each", H2Housekeeping.REWRITE_STEP_BYTES / 1024)
                    .isGreaterThan(1)
                    .isLessThanOrEqualTo(H2Housekeeping.REWRITE_AT_MOST_BYTES / H2Housekeeping.REWRITE_STEP_BYTES);
            assertThat(database.dsl().fetchCount(Schema.Ratings.TABLE)).isEqualTo(1000);
        }
    }

    @Test
    void maintenance_waits_for_no_reader_so_a_long_read_is_never_broken() throws Exception {
        int ratings = 1000;
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            insertOneByOne(database, ratings);
            AtomicInteger read = new AtomicInteger();
            // an export's cursor: open across maintenance rounds, which must leave its pages where they are
            database.dialect().stream(database.dsl(), tx -> tx.select(Schema.Ratings.ID).from(Schema.Ratings.TABLE), row -> {
                if (read.incrementAndGet() % 100 == 0) {
                    try {
                        database.maintain();
                    } catch (RuntimeException e) {
                        throw new AssertionError("maintenance during a read", e);
                    }
                }
            });
            assertThat(read.get()).isEqualTo(ratings);
            insertOneByOne(database, 10);  // and the database still takes writes
        }
    }

    private static void insertOneByOne(Database database, int ratings) {
        RatingStore store = new RatingStore(database);
        for (int i = 0; i < ratings; i++) {
            store.insert(List.of(aRating().with("location", String.format("%05d", 1000 + i % 50))
                    .with("comment", "Démarche claire, merci.").at(Instant.now())));
        }
    }
}
