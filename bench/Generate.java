import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Dialect;
import fr.jdma.collector.storage.PreparedBatch;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fills a database with realistic ratings for the full-database benchmarks:
 * java -cp collector/target/jdma-collector.jar bench/Generate.java URL COUNT [SERVICE] [LOCATIONS] [DAYS]
 * Default: service "bench", 5,000 locations (INSEE-like codes), spread over the last 365 days,
 * 70 % good / 20 % average / 10 % bad, most optional answers given, a comment on one rating in four,
 * random UUID ids as clients make them. Prints each phase's time on stderr and "COUNT SECONDS" last.
 * bench/CheckGenerated.java checks the result.
 *
 * <p>It stores what ingest would: the columns of RatingStore.COLUMNS bound from RatingStore.row, and
 * rollups summed by Rollups.Deltas and written by its upserts, in a database the collector migrated
 * (Database.open: same schema and Flyway history). What makes it fast (bench/findings.md; 10 M ratings
 * in 459 s on 2 shared cores, 1 M in 85 s):
 * <ul>
 * <li>H2 and PostgreSQL: no primary key on ratings during the load. Random ids spread its inserts over
 * the whole B-tree, and every commit rewrote most of it. It is made again after the load, under its
 * own name (H2: its index too), and the ratings' indexes are then checked equal to those read before.
 * The two time indexes stay: ratings come in time order, so they append (making them after the load
 * too was slower: three scans of the table instead of one);</li>
 * <li>ratings in time order, as they arrive in life (the instants are the sorted order statistics of
 * the same uniform draw as before), made on a second thread while the first inserts them with a plain
 * JDBC batch (fresh random ids: no conflict to handle), one commit per 200,000, no sync per batch;</li>
 * <li>each month's rollups summed in memory and written once the month is over, so each daily and monthly
 * row is written once;</li>
 * <li>H2 only: a 1 GB page cache for the run (given in the URL, not stored in the file: the collector sets
 * its own at every start).</li>
 * </ul>
 * H2's file is compacted at the end (SHUTDOWN COMPACT), as the collector's housekeeping keeps a live one.
 * An interrupted run leaves ratings without their rollups or primary key: start again on a fresh file.
 * Knobs for experiments: -Dgenerate.batch (5,000 rows per JDBC batch), -Dgenerate.commit (200,000),
 * -Dgenerate.drop=key|all|none (what is made after the load), -Dgenerate.h2cache (KB).
 */
public class Generate {
    static final int BATCH = Integer.getInteger("generate.batch", 5_000);
    static final int COMMIT = Integer.getInteger("generate.commit", 200_000);
    static final String DROP = System.getProperty("generate.drop", "key");
    static final String H2_CACHE_KB = System.getProperty("generate.h2cache", "1048576");

    /** A batch of rows to insert, then (at the end of a month, or of the run) the month's rollups to write. */
    private record Work(List<Object[]> rows, Rollups.Deltas rollups, boolean last) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long count = Long.parseLong(args[1]);
        String service = args.length > 2 ? args[2] : "bench";
        int locations = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 365;
        long start = System.nanoTime();
        Dialect dialect = Dialect.of(url);
        // The schema, its indexes and Flyway's history as the collector makes them.
        Settings settings;
        try (Database database = Database.open(url, "", "")) {
            settings = database.dsl().settings();
            // The service as its administrator declared it, so the collector knows it from its start.
            ServiceCatalogue catalogue = new ServiceCatalogue(database, Clock.systemUTC());
            if (catalogue.find(service).isEmpty()) {
                catalogue.create(new Service(service, "Bench", "Bench", List.of("https://bench.example.fr"), false, List.of(), true, Map.of()));
            }
        }
        String loadUrl = switch (dialect) {
            case H2 -> url + ";DATABASE_TO_LOWER=TRUE" + (url.toUpperCase().contains(";CACHE_SIZE=") ? "" : ";CACHE_SIZE=" + H2_CACHE_KB);
            case SQLITE -> url + (url.contains("?") ? "&" : "?") + "cache_size=-1048576";
            case POSTGRES -> url;
        };
        BlockingQueue<Work> queue = new ArrayBlockingQueue<>(4);
        Thread producer = new Thread(() -> produce(queue, count, service, locations, days), "generate-ratings");
        producer.setDaemon(true);
        producer.start();
        try (Connection connection = DriverManager.getConnection(loadUrl)) {
            connection.setAutoCommit(false);
            DSLContext tx = DSL.using(connection, dialect.jooq(), settings);
            Indexes indexes = !DROP.equals("none") && dialect != Dialect.SQLITE ? Indexes.drop(connection, dialect, DROP.equals("all")) : null;
            connection.commit();
            long t = System.nanoTime();
            PreparedBatch insert = PreparedBatch.of(tx, RatingStore.COLUMNS, values -> DSL.insertInto(Ratings.TABLE, RatingStore.COLUMNS).values(values));
            long inserted = 0, sinceCommit = 0;
            while (true) {
                Work work = queue.take();
                insert.execute(connection, work.rows());
                inserted += work.rows().size();
                sinceCommit += work.rows().size();
                if (work.rollups() != null) work.rollups().write(tx);
                if (sinceCommit >= COMMIT || work.last()) {
                    connection.commit();
                    sinceCommit = 0;
                }
                if (inserted % 1_000_000 < work.rows().size() && inserted >= 1_000_000) {
                    System.err.printf("%,d ratings, %.0f s%n", inserted, (System.nanoTime() - start) / 1e9);
                }
                if (work.last()) break;
            }
            System.err.printf("inserted in %.1f s%n", (System.nanoTime() - t) / 1e9);
            if (indexes != null) {
                t = System.nanoTime();
                indexes.create(connection);
                connection.commit();
                System.err.printf("indexes in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
        }
        if (dialect == Dialect.H2) {
            long t = System.nanoTime();
            // Compacted as the collector's housekeeping keeps a live one: 1 M ratings left 1.6 GB of
            // mostly dead chunks, 263 MB once compacted (12 s), and the collector's first housekeeping round
            // on the sparse file held its pool for 5.7 s while it was starting.
            try (var connection = DriverManager.getConnection(url + ";DATABASE_TO_LOWER=TRUE");
                 var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            System.err.printf("compacted in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("%d %.1f%n", count, (System.nanoTime() - start) / 1e9);
    }

    /** Makes the ratings in time order, in batches, with each month's rollups once the month is over. */
    private static void produce(BlockingQueue<Work> queue, long count, String service, int locations, int days) {
        try {
            SplittableRandom random = new SplittableRandom(42);
            Instant now = Instant.now();
            long span = Duration.ofDays(days).toMillis();
            Rating.Help[] channels = Rating.Help.values();
            String[] codes = new String[locations];
            for (int l = 0; l < locations; l++) codes[l] = String.format("%05d", 1000 + l);
            Rollups.Deltas rollups = new Rollups.Deltas();
            int month = Integer.MIN_VALUE;
            List<Object[]> batch = new ArrayList<>(BATCH);
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
                        codes[random.nextInt(locations)], random.nextInt(5) == 0 ? "email" : "button",
                        satisfaction, 1 + random.nextInt(5), help, admin ? random.nextBoolean() : null,
                        admin ? 1 + random.nextInt(5) : null,
                        random.nextInt(4) == 0 ? "Démarche simple, merci ; un peu long au téléphone." : null,
                        Set.of(), "https://bench.example.fr/demarche/fin", "fr");
                int ratingMonth = Rollups.monthOf(Rollups.dayOf(rating));
                if (ratingMonth != month) {
                    // in time order: the month before is complete, its rollups are final
                    if (month != Integer.MIN_VALUE) {
                        queue.put(new Work(batch, rollups, false));
                        batch = new ArrayList<>(BATCH);
                        rollups = new Rollups.Deltas();
                    }
                    month = ratingMonth;
                }
                batch.add(RatingStore.row(rating));
                rollups.add(rating, 1);
                if (batch.size() == BATCH) {
                    queue.put(new Work(batch, null, false));
                    batch = new ArrayList<>(BATCH);
                }
            }
            queue.put(new Work(batch, rollups, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ratings table's primary key and indexes, dropped during the load and made again after it. */
    private record Indexes(Dialect dialect, Map<String, Index> before, List<Index> dropped) {
        private record Index(String name, boolean unique, boolean primaryKey, String constraint, List<String> columns) {
        }

        static Indexes drop(Connection connection, Dialect dialect, boolean all) throws SQLException {
            Map<String, Index> before = read(connection);
            List<Index> dropped = before.values().stream().filter(index -> all || index.primaryKey()).toList();
            try (Statement statement = connection.createStatement()) {
                for (Index index : dropped) {
                    statement.execute(index.primaryKey()
                            ? "ALTER TABLE ratings DROP CONSTRAINT " + quoted(index.constraint())
                            : "DROP INDEX " + quoted(index.name()));
                }
            }
            return new Indexes(dialect, before, dropped);
        }

        void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (Index index : dropped) {
                    String columns = String.join(", ", index.columns());
                    if (index.primaryKey()) {
                        statement.execute("ALTER TABLE ratings ADD CONSTRAINT " + quoted(index.constraint()) + " PRIMARY KEY (" + columns + ")");
                    } else {
                        statement.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quoted(index.name())
                                + " ON ratings (" + columns + ")");
                    }
                }
            }
            Map<String, Index> after = read(connection);
            if (dialect == Dialect.H2) {
                // H2 names a primary key's index after the table, with a hash; the migrated one was named
                // after the temporary copy V4's ADD COLUMN made: given its name back.
                Index key = before.values().stream().filter(Index::primaryKey).findFirst().orElseThrow();
                Index made = after.values().stream().filter(Index::primaryKey).findFirst().orElseThrow();
                if (!made.name().equals(key.name())) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ALTER INDEX " + quoted(made.name()) + " RENAME TO " + quoted(key.name()));
                    }
                    after = read(connection);
                }
            }
            if (!after.equals(before)) throw new IllegalStateException("ratings' indexes differ after the load: " + before + " vs " + after);
        }

        private static Map<String, Index> read(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            String keyName = null;
            try (ResultSet keys = meta.getPrimaryKeys(null, schema, "ratings")) {
                while (keys.next()) keyName = keys.getString("PK_NAME");
            }
            Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rows = meta.getIndexInfo(null, schema, "ratings", false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name == null) continue;
                    if (!"A".equals(rows.getString("ASC_OR_DESC"))) throw new IllegalStateException("index " + name + " is not ascending");
                    columns.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                    unique.put(name, !rows.getBoolean("NON_UNIQUE"));
                }
            }
            Map<String, Index> indexes = new TreeMap<>();
            for (var entry : columns.entrySet()) {
                String name = entry.getKey();
                // H2 gives the primary key's constraint name, PostgreSQL the index's (the same)
                boolean primary = name.equals(keyName) || (keyName != null && isPrimaryKeyIndex(connection, name, keyName));
                indexes.put(name, new Index(name, unique.get(name), primary, primary ? keyName : null, List.copyOf(entry.getValue().values())));
            }
            return indexes;
        }

        private static boolean isPrimaryKeyIndex(Connection connection, String index, String constraint) throws SQLException {
            if (!connection.getMetaData().getDatabaseProductName().startsWith("H2")) return false;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT index_name FROM information_schema.table_constraints WHERE table_schema = current_schema AND table_name = 'ratings' AND constraint_name = ?")) {
                query.setString(1, constraint);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && index.equals(rows.getString(1));
                }
            }
        }

        private static String quoted(String name) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }
    }
}
