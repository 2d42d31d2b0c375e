import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Dialect;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.BatchBindStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a database with realistic ratings for the full-database benchmarks:
 * java -cp collector/target/jdma-collector.jar bench/Generate.java URL COUNT [SERVICE] [LOCATIONS] [DAYS]
 * Default: service "bench", 5,000 locations (INSEE-like codes), spread over the last 365 days,
 * 70 % good / 20 % average / 10 % bad, most optional answers given, a comment on one rating in four,
 * random UUID ids as clients make them. Prints "COUNT SECONDS" last.
 *
 * <p>It stores what ingest would: the same columns bound by RatingStore.row, and rollups summed by the
 * same Rollups code and written by the same upserts. What makes it fast (bench/findings.md):
 * <ul>
 * <li>ratings come in time order, as they arrive in life (the instants are the sorted order statistics of
 * the same uniform draw as before), so the time indexes append and the rollups of a day are complete once
 * it has passed;</li>
 * <li>one transaction per 20,000 ratings (200,000 per transaction measured no faster per rating), a plain INSERT (fresh random ids: no conflict to handle) and no
 * CHECKPOINT SYNC per batch (nobody waits for an acknowledgement; one sync at the end);</li>
 * <li>rollups summed in memory over many batches and written when 400,000 day rows are pending, and at the
 * end, in the transaction of the ratings batch then running;</li>
 * <li>H2 only: a 1 GB page cache for the run (given in the URL, not stored in the file: the collector sets
 * its own 16 MB at every start).</li>
 * </ul>
 * H2's file is compacted at the end (SHUTDOWN COMPACT), as the collector's housekeeping keeps a live one.
 * An interrupted run leaves ratings whose rollups were not written yet: start again on a fresh file.
 */
public class Generate {
    static final int BATCH = Integer.getInteger("generate.batch", 20_000);
    static final int FLUSH_ROLLUP_DAYS = Integer.getInteger("generate.rollupDays", 400_000);

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
        Dialect dialect = Dialect.of(url);
        String generationUrl = switch (dialect) {
            case H2 -> url.toUpperCase().contains(";CACHE_SIZE=") ? url : url + ";CACHE_SIZE=1048576";
            case SQLITE -> url + (url.contains("?") ? "&" : "?") + "cache_size=-1048576";
            case POSTGRES -> url;
        };
        try (Database database = Database.open(generationUrl, "", "")) {
            Rollups.Deltas rollups = new Rollups.Deltas();
            List<Rating> batch = new ArrayList<>(BATCH);
            // Instants in increasing order with the distribution of COUNT uniform draws over the span: the
            // largest of n uniforms on [0, x) is x * U^(1/n); walking down from the largest gives them all.
            double ago = 1.0;
            for (long i = 0; i < count; i++) {
                ago *= Math.pow(1.0 - random.nextDouble(), 1.0 / (count - i));
                int roll = random.nextInt(10);
                var satisfaction = roll < 7 ? Rating.Satisfaction.GOOD : roll < 9 ? Rating.Satisfaction.AVERAGE : Rating.Satisfaction.BAD;
                List<Rating.Help> help = random.nextInt(3) == 0 ? List.of(Rating.Help.NONE)
                        : List.of(channels[random.nextInt(channels.length - 1)]);
                boolean admin = help.get(0).isAdministrationChannel();
                Rating rating = new Rating(new UUID(random.nextLong(), random.nextLong()).toString(),
                        now.minusMillis((long) (ago * span)), service,
                        String.format("%05d", 1000 + random.nextInt(locations)), random.nextInt(5) == 0 ? "email" : "button",
                        satisfaction, 1 + random.nextInt(5), help, admin ? random.nextBoolean() : null,
                        admin ? 1 + random.nextInt(5) : null,
                        random.nextInt(4) == 0 ? "Démarche simple, merci ; un peu long au téléphone." : null,
                        Set.of(), "https://bench.example.fr/demarche/fin", "fr");
                batch.add(rating);
                rollups.add(rating, 1);
                boolean last = i + 1 == count;
                if (batch.size() == BATCH || last) {
                    boolean flush = last || rollups.days() >= FLUSH_ROLLUP_DAYS;
                    database.dsl().transaction(configuration -> {
                        var tx = configuration.dsl();
                        BatchBindStep insert = tx.batch(tx.insertInto(Ratings.TABLE, RatingStore.COLUMNS)
                                .values(new Object[RatingStore.COLUMNS.size()]));
                        for (Rating r : batch) insert = insert.bind(RatingStore.row(r));
                        insert.execute();
                        if (flush) rollups.write(tx);
                    });
                    batch.clear();
                    if ((i + 1) % 1_000_000 == 0) {
                        System.err.printf("%,d ratings, %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
            database.dialect().makeDurable(database.dsl());
        }
        if (dialect == Dialect.H2) {
            // Compacted as the collector's housekeeping keeps a live file: 1 M ratings left 1.6 GB of
            // mostly dead chunks, 263 MB once compacted (12 s), and the collector's first housekeeping round
            // on the sparse file held its pool for 5.7 s while it was starting.
            try (var connection = java.sql.DriverManager.getConnection(url + ";DATABASE_TO_LOWER=TRUE");
                 var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
        System.out.printf("%d %.1f%n", count, (System.nanoTime() - start) / 1e9);
    }
}
