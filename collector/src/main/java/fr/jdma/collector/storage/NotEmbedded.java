package fr.jdma.collector.storage;

/**
 * Asked of a database the collector does not hold in a file of its own: PostgreSQL is backed up and
 * restored with its own tools (pg_dump, pg_restore; README, "Backups and restore"), never from inside the collector.
 * Callers ask {@code Snapshots.supported()} first; this is the guard behind that question.
 */
public final class NotEmbedded extends IllegalStateException {

    private NotEmbedded(String message) {
        super(message);
    }

    public static NotEmbedded backup() {
        return new NotEmbedded("PostgreSQL is backed up with pg_dump (see the README)");
    }

    public static NotEmbedded restore() {
        return new NotEmbedded("PostgreSQL is restored with pg_restore (see the README)");
    }

    public static NotEmbedded noFolder() {
        return new NotEmbedded("no embedded database to back up");
    }
}
