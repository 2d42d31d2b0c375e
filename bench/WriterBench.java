import fr.jdma.collector.ingest.GroupCommitWriter;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingIds;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.storage.Database;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The durable write path without HTTP: RatingStore behind the GroupCommitWriter, fed by
 * many in-flight ratings with time-ordered ids, like the widget's (run: java -cp collector/target/jdma-collector.jar bench/WriterBench.java URL COUNT INFLIGHT).
 * Prints: ratings/s and ratings per commit.
 */
public class WriterBench {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        int inFlight = Integer.parseInt(args[2]);
        try (Database database = Database.open(args[0], "", "");
             GroupCommitWriter writer = new GroupCommitWriter(new RatingStore(database), inFlight * 2)) {
            Semaphore window = new Semaphore(inFlight);
            long start = System.nanoTime();
            CompletableFuture<?>[] all = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                window.acquire();
                Rating rating = new Rating(RatingIds.next(), Instant.now(), "bench", "l" + (i % 50), "button",
                        Rating.Satisfaction.GOOD, 4, List.of(Rating.Help.PHONE), true, 4, "Très bien, merci 😀",
                        Set.of(), "https://bench.example.fr/fin", "fr");
                all[i] = writer.submit(rating).whenComplete((o, e) -> window.release());
            }
            CompletableFuture.allOf(all).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.0f %.1f%n", count / seconds, writer.written() / (double) writer.batches());
        }
    }
}
