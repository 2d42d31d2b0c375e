package fr.jdma.collector.backup;

import fr.jdma.collector.Config;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Dialect;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.storage.Schema.Services;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar jdma-collector.jar restore BACKUP [--force]}: puts a backup in place of the
 * embedded database JDMA_DB_URL, with the collector stopped. An existing database is replaced
 * only with --force. The restored database is opened (and migrated, for a backup of an older
 * version) before the command reports what it holds.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("--")) throw new IllegalArgumentException("usage: restore BACKUP [--force]");
        Path backup = Path.of(args.get(0));
        boolean force = false;
        for (String option : args.subList(1, args.size())) {
            if (option.equals("--force")) force = true;
            else throw new IllegalArgumentException("unknown option '" + option + "'; usage: restore BACKUP [--force]");
        }
        String url = env.getOrDefault("JDMA_DB_URL", Config.DEFAULT_DB_URL);
        Dialect dialect = Dialect.of(url);
        if (dialect.backupExtension() == null) {
            throw new IllegalArgumentException("JDMA_DB_URL is PostgreSQL: restore it with pg_restore (see the README)");
        }
        if (!Files.isRegularFile(backup)) throw new IllegalArgumentException("no backup file at " + backup);
        List<Path> existing = dialect.files(url).stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            if (!force) {
                throw new IllegalArgumentException("JDMA_DB_URL already holds a database (" + existing.get(0)
                        + "); stop the collector and add --force to replace it with the backup");
            }
            refuseWhileInUse(url);
            for (Path file : existing) Files.delete(file);
        }
        try {
            dialect.restore(backup, url);
        } catch (IOException | RuntimeException e) {
            for (Path file : dialect.files(url)) Files.deleteIfExists(file);
            throw e;
        }
        try (Database database = Database.open(url, "", "")) {
            int ratings = database.dsl().fetchCount(Ratings.TABLE);
            int services = database.dsl().fetchCount(Services.TABLE);
            out.println("restored " + backup + " into " + url + ": " + services + " services, " + ratings + " ratings");
        }
        return 0;
    }

    /** H2 refuses a second process on a file it holds: a running collector shows up here. */
    private static void refuseWhileInUse(String url) {
        if (Dialect.of(url) != Dialect.H2) return;
        try (var ignored = DriverManager.getConnection(url)) {
            // nobody holds it
        } catch (SQLException e) {
            throw new IllegalStateException("the database " + url + " cannot be opened (" + e.getMessage().lines().findFirst().orElse("")
                    + "): stop the collector before restoring");
        }
    }
}
