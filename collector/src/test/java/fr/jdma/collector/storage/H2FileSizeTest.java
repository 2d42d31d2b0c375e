package fr.jdma.collector.storage;

import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static fr.jdma.collector.support.ARating.aRating;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 writes a chunk per commit and, with WRITE_DELAY=0, runs no housekeeping of its own: without the
 * database's maintenance the file grew by tens of KB per rating stored one at a time (the quiet hours
 * of a real service, when every group commit holds one rating). The maintenance keeps it near its data.
 */
class H2FileSizeTest {

    @TempDir
    Path dir;

    @Test
    void ratings_committed_one_by_one_leave_a_file_near_the_size_of_their_data() throws Exception {
        Path file = dir.resolve("jdma.mv.db");
        int ratings = 1500;
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            RatingStore store = new RatingStore(database);
            long grown = 0;
            for (int i = 0; i < ratings; i++) {
                store.insert(List.of(aRating().with("location", String.format("%05d", 1000 + i % 50))
                        .with("comment", "Démarche claire, merci.").at(Instant.now())));
                grown = Math.max(grown, Files.size(file));
            }
            long before = Files.size(file);
            // each round is bounded in time (Dialect.COMPACT_FOR): as many as it takes, as the schedule would
            long after = before;
            for (int round = 0; round < 200; round++) {
                database.maintain();
                long size = Files.size(file);
                if (size >= after && round > 5) break;
                after = Math.min(after, size);
            }
            System.out.printf("figure: H2 file after %d ratings committed one by one: %d KB at most while writing, %d KB after maintenance%n",
                    ratings, grown / 1024, after / 1024);
            // about 0.5 KB of data and indexes per rating; unmaintained, 20 to 40 KB per commit
            assertThat(after).isLessThan(ratings * 4L * 1024);
            assertThat(database.dsl().fetchCount(Schema.Ratings.TABLE)).isEqualTo(ratings);
        }
        try (Database reopened = Database.open(TestDatabases.h2(dir), "", "")) {
            assertThat(reopened.dsl().fetchCount(Schema.Ratings.TABLE)).as("every rating is still there after moving pages").isEqualTo(ratings);
        }
    }
}
