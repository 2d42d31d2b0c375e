package fr.jdma.collector.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;

import org.jooq.impl.DSL;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one place where H2, SQLite and PostgreSQL differ: connection settings that make a
 * commit durable, pool sizes, what to do after a commit before it may be acknowledged, and
 * how to stream a large result.
 */
public enum Dialect {
    H2(SQLDialect.H2) {
        @Override
        String prepareUrl(String url) {
            // Lower-case names like the other two; WRITE_DELAY=0 writes each commit to the file at
            // once (H2 delays it by 500 ms by default); we close the database ourselves on stop.
            // TRACE_LEVEL_FILE=0: errors reach us as exceptions; H2's own .trace.db grew by
            // megabytes per second on a full disk, filling it again as soon as space came back.
            // CACHE_SIZE (KB): H2's page cache defaults to 64 MB, most of the production heap. Its
            // pages live long enough to be promoted, and replacing them filled the old generation:
            // with 16 MB, a 70 ms full collection every 3-4 s under load made H2's p99 at half load
            // 77 ms; with 4 MB, 30 ms and 30 MB less resident memory (bench/findings.md). The
            // indicators read small, cached rollups, exports stream, and the OS caches the file.
            return withSetting(withSetting(withSetting(withSetting(withSetting(url, "DATABASE_TO_LOWER", "TRUE"),
                    "WRITE_DELAY", "0"), "DB_CLOSE_ON_EXIT", "FALSE"), "TRACE_LEVEL_FILE", "0"), "CACHE_SIZE", "4096");
        }

        @Override
        boolean reopensAfterFailure() {
            return true;
        }

        @Override
        boolean isOutageCode(SQLException e) {
            // 90098 database closed (after a failed write), 90028/90031 I/O error, 90121 closing,
            // 50000 general error wrapping the MVStore's failed write.
            return switch (e.getErrorCode()) {
                case 90098, 90028, 90031, 90121 -> true;
                case 50000 -> e.getMessage() != null && (e.getMessage().contains("MVStore") || e.getMessage().contains("Writing to"));
                default -> false;
            };
        }

        @Override
        void beforeStreaming(DSLContext tx) {
            // Without lazy execution H2 builds the whole result (spilling to a temporary file)
            // before handing over the first row; lazily it walks the index as rows are read.
            tx.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }

        @Override
        void afterStreaming(DSLContext tx) {
            // The connection goes back to the pool: other queries expect the default.
            tx.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }

        @Override
        public Table<?> scanned(Table<?> table) {
            // A composite primary key is a secondary index in H2's store: reading 64,000 monthly
            // rows through it looked each row up by its row id (21,000 page reads, against 1,600
            // for the table in storage order). The empty hint makes H2 read the table itself.
            return DSL.table("{0} USE INDEX ()", table);
        }

        @Override
        public void makeDurable(DSLContext db) {
            // A commit reaches the OS at once with WRITE_DELAY=0 (safe against kill -9);
            // CHECKPOINT SYNC also forces it to the device, once per group of ratings.
            db.execute("CHECKPOINT SYNC");
        }

        @Override
        Housekeeping housekeeping() {
            return new H2Housekeeping();
        }

        @Override
        public String backupExtension() {
            return "zip";
        }

        @Override
        public void backup(DSLContext db, Path file) {
            // MVStore is copy-on-write: BACKUP TO copies a transactionally consistent version
            // of the file while the writer keeps committing.
            db.execute("BACKUP TO " + DSL.inline(file.toAbsolutePath().toString()));
        }

        @Override
        public void restore(Path backup, String url) throws IOException {
            // The zip holds one <name>.mv.db: it becomes the target's file, whatever its name was.
            Path target = Path.of(filePath(url) + ".mv.db");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().endsWith(".mv.db")) {
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                        return;
                    }
                }
            }
            throw new IOException(backup + " is not an H2 backup (no .mv.db file inside)");
        }

        @Override
        public List<Path> files(String url) {
            String path = filePath(url);
            return path == null ? List.of() : List.of(Path.of(path + ".mv.db"), Path.of(path + ".trace.db"));
        }
    },
    SQLITE(SQLDialect.SQLITE) {
        @Override
        String prepareUrl(String url) {
            // WAL lets readers (exports) run while the writer commits; synchronous=FULL fsyncs
            // the WAL at each commit, which group commit amortises.
            return withQuery(url, "journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true");
        }

        @Override
        int poolSize() {
            return 4;
        }

        @Override
        public String backupExtension() {
            return "sqlite";
        }

        @Override
        public void backup(DSLContext db, Path file) {
            // SQLite's online backup API in one step (-1 pages): a read transaction on the WAL
            // snapshot, so writers go on; in small steps every commit would restart it.
            db.connection(c -> c.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", file.toAbsolutePath().toString(), null, 100, 3, -1));
        }

        @Override
        public void restore(Path backup, String url) throws IOException {
            try (var connection = java.sql.DriverManager.getConnection(url)) {
                int result = connection.unwrap(SQLiteConnection.class).getDatabase()
                        .restore("main", backup.toAbsolutePath().toString(), null, 100, 3, -1);
                if (result != 0) throw new IOException("SQLite could not restore " + backup + " (code " + result + ")");
            } catch (java.sql.SQLException e) {
                throw new IOException("SQLite could not restore " + backup + ": " + e.getMessage(), e);
            }
        }

        @Override
        public List<Path> files(String url) {
            String path = filePath(url);
            return path == null ? List.of() : List.of(Path.of(path), Path.of(path + "-wal"), Path.of(path + "-shm"));
        }

        @Override
        boolean isOutageCode(SQLException e) {
            // primary result codes: SQLITE_IOERR 10, SQLITE_FULL 13, SQLITE_CANTOPEN 14
            int primary = e.getErrorCode() & 0xff;
            return primary == 10 || primary == 13 || primary == 14;
        }
    },
    POSTGRES(SQLDialect.POSTGRES) {
        @Override
        String prepareUrl(String url) {
            // An unreachable server must fail a connection in seconds (the driver waits 10 s).
            return url.contains("connectTimeout=") ? url : withQuery(url, "connectTimeout=2");
        }

        @Override
        int poolSize() {
            return 10;
        }

        @Override
        void afterBulkCopy(DSLContext db, Schema.Declared table) {
            // Rows copied with their ids leave a serial's sequence behind: move it past them.
            for (var field : table.fields()) {
                String sequence = db.resultQuery("SELECT pg_get_serial_sequence({0}, {1})",
                        DSL.inline(table.name()), DSL.inline(field.getName())).fetchOne(0, String.class);
                if (sequence != null) {
                    db.execute("SELECT setval({0}, COALESCE((SELECT MAX({1}) FROM {2}), 0) + 1, false)",
                            DSL.inline(sequence), DSL.name(field.getName()), DSL.name(table.name()));
                }
            }
        }

        @Override
        boolean isOutageCode(SQLException e) {
            // 53 insufficient resources (53100 disk full), 57P0x shut down / cannot connect now, 58 system I/O
            String state = e.getSQLState();
            return state != null && (state.startsWith("53") || state.startsWith("57P0") || state.startsWith("58"));
        }
    };

    private static final int STREAM_FETCH_SIZE = 1000;

    private final SQLDialect jooq;

    Dialect(SQLDialect jooq) {
        this.jooq = jooq;
    }

    public SQLDialect jooq() {
        return jooq;
    }

    public static Dialect of(String url) {
        if (url.startsWith("jdbc:h2:")) return H2;
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRES;
        throw new IllegalArgumentException(
                "JDMA_DB_URL must start with jdbc:h2:, jdbc:sqlite: or jdbc:postgresql:, got '" + url + "'");
    }

    String prepareUrl(String url) {
        return url;
    }

    int poolSize() {
        return 8;
    }

    /**
     * Hands each row of a possibly huge query to {@code each} without ever holding the whole
     * result: a fetch size, read from a cursor, inside a read transaction. PostgreSQL's driver
     * only streams with autocommit off and a fetch size (otherwise it loads every row);
     * SQLite steps through its statement anyway; H2 needs lazy execution (below).
     */
    public <R extends Record> void stream(DSLContext dsl, Function<DSLContext, ResultQuery<R>> query, Consumer<? super R> each) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            beforeStreaming(tx);
            try (Cursor<R> cursor = query.apply(tx).fetchSize(STREAM_FETCH_SIZE).fetchLazy()) {
                for (R row : cursor) each.accept(row);
            } finally {
                afterStreaming(tx);
            }
        });
    }

    void beforeStreaming(DSLContext tx) {
    }

    /**
     * The table as read when most of its rows for a key prefix are wanted, in no particular order:
     * the database's own choice, except where (H2) its index would cost a lookup per row.
     */
    public Table<?> scanned(Table<?> table) {
        return table;
    }

    void afterStreaming(DSLContext tx) {
    }

    /**
     * True when the failure means the database is gone (down, unreachable, disk full, closed)
     * rather than a bad statement: a connection error anywhere in the causes, or one of this
     * database's own codes. A pool merely busy (a timeout with no cause) is not an outage.
     */
    public boolean meansOutage(Throwable failure) {
        boolean fromTheDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                fromTheDatabase = true;
                if (e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException) return true;
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) return true;
                if (isOutageCode(e)) return true;
            }
            // the database's own I/O failing (no space left on device); any other I/O error is not ours
            if (fromTheDatabase && t instanceof java.io.IOException) return true;
        }
        return false;
    }

    boolean isOutageCode(SQLException e) {
        return false;
    }

    /** True for a database that must be given a fresh pool after a failed write before it writes again. */
    boolean reopensAfterFailure() {
        return false;
    }

    /** What keeps a database's file from growing past its data, run every {@link Database#MAINTAIN_EVERY}. */
    interface Housekeeping {
        void run(DSLContext db, HikariDataSource pool) throws InterruptedException;
    }

    /** A new housekeeping for one open database (it may keep state between rounds); none by default. */
    Housekeeping housekeeping() {
        return (db, pool) -> { };
    }

    /** Runs after each write transaction commits, before any of its ratings is acknowledged. */
    public void makeDurable(DSLContext db) {
    }

    /** Creates the folder a file database lives in, so a fresh clone starts without setup. */
    void createParentFolder(String url) throws java.io.IOException {
        String path = filePath(url);
        if (path == null) return;
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    /** The file an embedded database lives in (without H2's .mv.db), or null for a server or memory. */
    static String filePath(String url) {
        String path = switch (of(url)) {
            case H2 -> url.replaceFirst("^jdbc:h2:(file:)?", "").split(";", 2)[0];
            case SQLITE -> url.replaceFirst("^jdbc:sqlite:(file:)?", "").split("\\?", 2)[0];
            case POSTGRES -> null;
        };
        if (path == null || path.isEmpty() || path.startsWith("mem:") || path.equals(":memory:")) return null;
        return path;
    }

    /** The suffix of a backup file; null when the collector does not make backups (PostgreSQL: pg_dump). */
    public String backupExtension() {
        return null;
    }

    /** Writes a consistent copy of the live database to {@code file} while ratings keep being written. */
    public void backup(DSLContext db, Path file) {
        throw NotEmbedded.backup();
    }

    /** Replaces the embedded database of {@code url} with a backup; the collector must be stopped. */
    public void restore(Path backup, String url) throws IOException {
        throw NotEmbedded.restore();
    }

    /** Runs after rows were copied into {@code table} with their keys (see DatabaseCopy). */
    void afterBulkCopy(DSLContext db, Schema.Declared table) {
    }

    /** The files an embedded database of {@code url} consists of (empty for PostgreSQL). */
    public List<Path> files(String url) {
        return List.of();
    }

    private static String withSetting(String url, String name, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + name + "=") ? url : url + ";" + name + "=" + value;
    }

    private static String withQuery(String url, String query) {
        return url.contains("?") ? url + "&" + query : url + "?" + query;
    }
}
