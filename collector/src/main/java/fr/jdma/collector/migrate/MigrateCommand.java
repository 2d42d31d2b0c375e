package fr.jdma.collector.migrate;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.DatabaseCopy;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar jdma-collector.jar migrate --from URL --to URL}: copies services, tokens,
 * ratings, rollups and every other table of the collector from one database to an empty one
 * (typically H2 or SQLite to PostgreSQL), with the collector stopped, then compares the counts.
 * Credentials come from the URLs (PostgreSQL: {@code ?user=…&password=…}) or JDMA_DB_USER/PASSWORD for the target.
 */
public final class MigrateCommand {

    private static final String USAGE = "usage: migrate --from URL --to URL";

    private MigrateCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out) {
        String from = null;
        String to = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) throw new IllegalArgumentException("'" + option + "' needs a value; " + USAGE);
            switch (option) {
                case "--from" -> from = args.get(++i);
                case "--to" -> to = args.get(++i);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
            }
        }
        if (from == null || to == null) throw new IllegalArgumentException(USAGE);
        if (from.equals(to)) throw new IllegalArgumentException("--from and --to name the same database");
        long started = System.nanoTime();
        try (Database source = Database.open(from, "", "");
             Database target = Database.open(to, env.getOrDefault("JDMA_DB_USER", ""), env.getOrDefault("JDMA_DB_PASSWORD", ""))) {
            out.println("copying from " + source.dialect() + " to " + target.dialect());
            new DatabaseCopy(source, target).copy((table, rows) -> out.println("  " + table + ": " + rows + " rows"));
            Map<String, Integer> expected = DatabaseCopy.counts(source);
            Map<String, Integer> actual = DatabaseCopy.counts(target);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("the copy differs from the source: source " + expected + ", target " + actual);
            }
            out.println("migrated in " + (System.nanoTime() - started) / 1_000_000 + " ms; row counts equal: " + actual);
            return 0;
        }
    }
}
