package fr.jdma.collector.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** Fresh, real databases for tests: an H2 file, a SQLite file, or a new PostgreSQL schema. */
public final class TestDatabases {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    public static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("jdma").toAbsolutePath();
    }

    public static String sqlite(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("jdma.sqlite").toAbsolutePath();
    }

    /** A schema of its own in the local PostgreSQL (trust auth, database test), so tests never share rows. */
    public static String postgres() {
        String schema = "jdma_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES
                    + " (start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start)", e);
        }
        return POSTGRES + "?currentSchema=" + schema + "&user=postgres";
    }

    /** The database URL for a kind named in parameterised tests: h2, sqlite or postgres. */
    public static String of(String kind, Path dir) {
        return switch (kind) {
            case "h2" -> h2(dir);
            case "sqlite" -> sqlite(dir);
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
