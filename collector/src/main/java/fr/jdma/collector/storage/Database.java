package fr.jdma.collector.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.jdma.collector.storage.Schema.HealthProbe;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connection pool, the migrated schema and the jOOQ context every feature queries through;
 * and whether the database takes writes now.
 *
 * <p>A write that fails because the database is gone (PostgreSQL down, a full disk, H2 closed
 * after an I/O error) opens an outage: writers are refused at once instead of waiting on the
 * pool, and a probe rewrites one row every second until it succeeds; H2, which closes itself
 * for good after a failed write, gets a fresh pool first. Then the outage ends by itself.
 */
public final class Database implements AutoCloseable {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** An outage: what failed, since when. */
    public record Outage(String error, Instant since) {
    }

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    private static final Duration HEALTH_ANSWER_WITHIN = Duration.ofMillis(800);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    /** How often the file's housekeeping runs ({@link Dialect#housekeeping}). */
    static final Duration MAINTAIN_EVERY = Duration.ofSeconds(5);
    private static final long SLOW_HOUSEKEEPING_MS = 500;

    private final String url;
    private final Dialect dialect;
    private final HikariConfig poolConfig;
    private final AtomicReference<HikariDataSource> pool;
    private final DSLContext dsl;
    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final Dialect.Housekeeping housekeeping;
    /** Held by a backup and by the housekeeping: the file is copied or reorganised, never both at once. */
    private final java.util.concurrent.locks.ReentrantLock fileWork = new java.util.concurrent.locks.ReentrantLock();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jdma-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CompletableFuture<Optional<String>> runningCheck;

    private Database(String url, Dialect dialect, HikariConfig poolConfig, HikariDataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.poolConfig = poolConfig;
        this.housekeeping = dialect.housekeeping();
        this.pool = new AtomicReference<>(dataSource);
        this.dsl = DSL.using(new CurrentPool(), dialect.jooq(), new Settings()
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
        return open(url, user, password, wait, MAINTAIN_EVERY);
    }

    /** As {@link #open(String, String, String, Duration)}, with the file's housekeeping every {@code maintainEvery}. */
    static Database open(String url, String user, String password, Duration wait, Duration maintainEvery) {
        Dialect dialect = Dialect.of(url);
        try {
            dialect.createParentFolder(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the database " + url, e);
        }
        // The first connection is held until the pool has its own: closing H2's last connection closes the
        // database, which compacts its file on the way out, and the pool then opened it a second time
        // (2.6 s of a start on a 1 M-rating file, bench/findings.md).
        Connection first = awaitConnection(dialect, dialect.prepareUrl(url), user, password, wait);
        try {
            return open(url, dialect, user, password, maintainEvery, first);
        } finally {
            try {
                first.close();
            } catch (SQLException e) {
                log.debug("closing the first connection: {}", describe(e));
            }
        }
    }

    private static Database open(String url, Dialect dialect, String user, String password, Duration maintainEvery, Connection first) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.prepareUrl(url));
        if (!user.isEmpty()) config.setUsername(user);
        if (!password.isEmpty()) config.setPassword(password);
        config.setMaximumPoolSize(dialect.poolSize());
        config.setAllowPoolSuspension(true);  // H2Housekeeping
        config.setPoolName("jdma");
        // A database that does not answer must fail a request in seconds, not Hikari's 30 s.
        config.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Migrations.apply(dataSource, first);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        Database database = new Database(url, dialect, config, dataSource);
        database.prober.scheduleWithFixedDelay(database::maintain, maintainEvery.toMillis(), maintainEvery.toMillis(), TimeUnit.MILLISECONDS);
        // The first jOOQ query loads many classes: done here, so that /health's first check,
        // which waits under a second, does not time out on it.
        database.dsl.selectOne().fetchOne();
        return database;
    }

    /** The first connection that succeeds, once the database accepts them. */
    private static Connection awaitConnection(Dialect dialect, String url, String user, String password, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long started = System.nanoTime();
        boolean told = false;
        while (true) {
            java.util.Properties credentials = new java.util.Properties();
            if (!user.isEmpty()) credentials.setProperty("user", user);
            if (!password.isEmpty()) credentials.setProperty("password", password);
            try {
                Connection connection = DriverManager.getConnection(url, credentials);
                if (told) log.info("database reachable after {} s", (System.nanoTime() - started) / 1_000_000_000L);
                return connection;
            } catch (SQLException e) {
                String reason = describe(e);
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

    /** The database did not answer within the configured wait. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Writes a consistent copy of an embedded database to {@code file} while it keeps taking writes. */
    public void backup(Path file) {
        // A backup copies the file while the housekeeping would write to it: one at a time.
        fileWork.lock();
        try {
            dialect.backup(dsl, file);
        } finally {
            fileWork.unlock();
        }
    }

    /** The folder of an embedded database's file; empty for PostgreSQL. */
    public Optional<Path> folder() {
        return Optional.ofNullable(Dialect.filePath(url)).map(p -> Path.of(p).toAbsolutePath().getParent());
    }

    public int poolActive() {
        return poolBean().map(HikariPoolMXBean::getActiveConnections).orElse(0);
    }

    public int poolIdle() {
        return poolBean().map(HikariPoolMXBean::getIdleConnections).orElse(0);
    }

    public int poolWaiting() {
        return poolBean().map(HikariPoolMXBean::getThreadsAwaitingConnection).orElse(0);
    }

    public int poolSize() {
        return pool.get().getMaximumPoolSize();
    }

    private Optional<HikariPoolMXBean> poolBean() {
        return Optional.ofNullable(pool.get().getHikariPoolMXBean());
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The outage in progress, if writes fail now. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage.get());
    }

    /** True unless an outage is in progress. */
    public boolean isAvailable() {
        return outage.get() == null;
    }

    /**
     * True when {@code failure} means the database is gone rather than a bad query: then an
     * outage begins (if none is in progress) and the caller should answer 503.
     */
    public boolean isOutage(Throwable failure) {
        if (!dialect.meansOutage(failure)) return false;
        Outage started = new Outage(describe(failure), Instant.now());
        if (outage.compareAndSet(null, started)) {
            log.warn("database down ({}): {}; writes are refused until a probe write succeeds", dialect.name().toLowerCase(Locale.ROOT), started.error());
            prober.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /**
     * Empty when the database answers a trivial query, else what is wrong. Answers within a
     * second: a check still waiting on the pool reports "no answer" rather than holding /health.
     */
    public Optional<String> problem() {
        Outage current = outage.get();
        if (current != null) return Optional.of(current.error());
        CompletableFuture<Optional<String>> check = runningCheck;
        if (check == null || check.isDone()) {
            check = CompletableFuture.supplyAsync(this::select1, prober);
            runningCheck = check;
        }
        try {
            return check.get(HEALTH_ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + HEALTH_ANSWER_WITHIN.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(describe(e.getCause()));
        }
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        return problem().isEmpty();
    }

    private Optional<String> select1() {
        try {
            dsl.selectOne().fetchOne();
            return Optional.empty();
        } catch (RuntimeException e) {
            isOutage(e);
            return Optional.of(describe(e));
        }
    }

    /** Runs on the probe thread while an outage lasts; reschedules itself until a durable write succeeds. */
    private void probe() {
        Outage current = outage.get();
        if (current == null || prober.isShutdown()) return;
        try {
            if (dialect.reopensAfterFailure()) reopen();
            dsl.update(HealthProbe.TABLE).set(HealthProbe.CHECKED_AT, System.currentTimeMillis())
                    .where(HealthProbe.ID.eq(1)).execute();
            dialect.makeDurable(dsl);
            outage.set(null);
            log.info("database up again ({}) after {} s", dialect.name().toLowerCase(Locale.ROOT),
                    Duration.between(current.since(), Instant.now()).toSeconds());
        } catch (RuntimeException e) {
            log.debug("database still down: {}", describe(e));
            if (!prober.isShutdown()) prober.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A fresh pool: an H2 database that failed a write stays closed for every connection opened before. */
    private void reopen() {
        HikariDataSource fresh = new HikariDataSource(poolConfig);
        HikariDataSource old = pool.getAndSet(fresh);
        old.close();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // One line, bounded: some drivers put a whole stack or statement in the message.
        message = message.lines().findFirst().orElse("").strip();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** The file's housekeeping; skipped during an outage, whose probe owns the database then. */
    void maintain() {
        if (outage.get() != null) return;
        // a backup is copying the file: this round is skipped (H2 opened a copy made while its
        // housekeeping stored a chunk at an older version: BackupRestoreIT lost the last ratings)
        if (!fileWork.tryLock()) return;
        long started = System.nanoTime();
        try {
            housekeeping.run(dsl, pool.get());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            // H2's rewrite under load pauses between its steps (up to 140 ms a round): not worth a line
            if (tookMs >= SLOW_HOUSEKEEPING_MS) log.info("database housekeeping took {} ms", tookMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!isOutage(e)) log.warn("database housekeeping failed: {}", describe(e));
        } finally {
            fileWork.unlock();
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        pool.get().close();
    }

    /** Connections come from whichever pool is current, so a reopened pool serves every feature at once. */
    private final class CurrentPool implements ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return pool.get().getConnection();
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("no database connection: " + e.getMessage(), e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("could not give back a connection", e);
            }
        }
    }
}
