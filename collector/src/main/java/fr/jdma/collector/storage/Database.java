package fr.jdma.collector.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** The connection pool, the migrated schema and the jOOQ context every feature queries through. */
public final class Database implements AutoCloseable {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(String url, Dialect dialect, HikariDataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, dialect.jooq(), new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false));
    }

    public static Database open(String url, String user, String password) {
        return open(url, user, password, Duration.ZERO);
    }

    /**
     * Opens the database, first waiting up to {@code wait} for it to accept connections (a
     * PostgreSQL that starts after the collector, a file another process still holds), with
     * one clear line instead of a stack trace; past the wait, {@link Unavailable}.
     */
    public static Database open(String url, String user, String password, Duration wait) {
        Dialect dialect = Dialect.of(url);
        try {
            dialect.createParentFolder(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the database " + url, e);
        }
        awaitConnection(dialect, dialect.prepareUrl(url), user, password, wait);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.prepareUrl(url));
        if (!user.isEmpty()) config.setUsername(user);
        if (!password.isEmpty()) config.setPassword(password);
        config.setMaximumPoolSize(dialect.poolSize());
        config.setPoolName("jdma");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(url, dialect, dataSource);
    }

    private static void awaitConnection(Dialect dialect, String url, String user, String password, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long started = System.nanoTime();
        boolean told = false;
        while (true) {
            java.util.Properties credentials = new java.util.Properties();
            if (!user.isEmpty()) credentials.setProperty("user", user);
            if (!password.isEmpty()) credentials.setProperty("password", password);
            try (Connection ignored = DriverManager.getConnection(url, credentials)) {
                if (told) log.info("database reachable after {} s", (System.nanoTime() - started) / 1_000_000_000L);
                return;
            } catch (SQLException e) {
                String reason = oneLine(e);
                if (System.nanoTime() >= deadline) {
                    throw new Unavailable("the " + dialect.name().toLowerCase() + " database is not reachable"
                            + (wait.isZero() ? "" : " after waiting " + wait.toSeconds() + " s (JDMA_DB_WAIT_SECONDS)") + ": " + reason);
                }
                if (!told) {
                    log.warn("database not reachable yet ({}); retrying every {} s for up to {} s (JDMA_DB_WAIT_SECONDS)",
                            reason, RETRY_EVERY.toSeconds(), wait.toSeconds());
                    told = true;
                }
            }
            try {
                Thread.sleep(RETRY_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while waiting for the database");
            }
        }
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    /** The database did not answer within the configured wait. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Writes a consistent copy of an embedded database to {@code file} while it keeps taking writes. */
    public void backup(Path file) {
        dialect.backup(dsl, file);
    }

    /** The folder of an embedded database's file; empty for PostgreSQL. */
    public java.util.Optional<Path> folder() {
        return java.util.Optional.ofNullable(Dialect.filePath(url)).map(p -> Path.of(p).toAbsolutePath().getParent());
    }

    public int poolActive() {
        return pool().map(HikariPoolMXBean::getActiveConnections).orElse(0);
    }

    public int poolIdle() {
        return pool().map(HikariPoolMXBean::getIdleConnections).orElse(0);
    }

    public int poolWaiting() {
        return pool().map(HikariPoolMXBean::getThreadsAwaitingConnection).orElse(0);
    }

    public int poolSize() {
        return dataSource.getMaximumPoolSize();
    }

    private java.util.Optional<HikariPoolMXBean> pool() {
        return java.util.Optional.ofNullable(dataSource.getHikariPoolMXBean());
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
