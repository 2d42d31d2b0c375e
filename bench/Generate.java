import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.storage.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a database with realistic ratings for the full-database benchmarks, through the collector's own
 * store (ratings and rollups in the same transactions), in large batches:
 * java -cp collector/target/jdma-collector.jar bench/Generate.java URL COUNT [SERVICE] [LOCATIONS] [DAYS]
 * Default: service "bench", 5,000 locations (INSEE-like codes), spread over the last 365 days,
 * 70 % good / 20 % average / 10 % bad, most optional answers given, a comment on one rating in four.
 */
public class Generate {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long count = Long.parseLong(args[1]);
        String service = args.length > 2 ? args[2] : "bench";
        int locations = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 365;
        SplittableRandom random = new SplittableRandom(42);
        Instant now = Instant.now();
        long span = Duration.ofDays(days).toMillis();
        Rating.Help[] channels = Rating.Help.values();
        long start = System.nanoTime();
        try (Database database = Database.open(url, "", "")) {
            RatingStore store = new RatingStore(database);
            List<Rating> batch = new ArrayList<>(20_000);
            for (long i = 0; i < count; i++) {
                int roll = random.nextInt(10);
                var satisfaction = roll < 7 ? Rating.Satisfaction.GOOD : roll < 9 ? Rating.Satisfaction.AVERAGE : Rating.Satisfaction.BAD;
                List<Rating.Help> help = random.nextInt(3) == 0 ? List.of(Rating.Help.NONE)
                        : List.of(channels[random.nextInt(channels.length - 1)]);
                boolean admin = help.get(0).isAdministrationChannel();
                batch.add(new Rating(new UUID(random.nextLong(), random.nextLong()).toString(),
                        now.minusMillis((long) (random.nextDouble() * span)), service,
                        String.format("%05d", 1000 + random.nextInt(locations)), random.nextInt(5) == 0 ? "email" : "button",
                        satisfaction, 1 + random.nextInt(5), help, admin ? random.nextBoolean() : null,
                        admin ? 1 + random.nextInt(5) : null,
                        random.nextInt(4) == 0 ? "Démarche simple, merci ; un peu long au téléphone." : null,
                        Set.of(), "https://bench.example.fr/demarche/fin", "fr"));
                if (batch.size() == 20_000) {
                    store.insert(batch);
                    batch.clear();
                    if ((i + 1) % 1_000_000 == 0) {
                        System.err.printf("%,d ratings, %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
            if (!batch.isEmpty()) store.insert(batch);
        }
        System.out.printf("%d %.1f%n", count, (System.nanoTime() - start) / 1e9);
    }
}
