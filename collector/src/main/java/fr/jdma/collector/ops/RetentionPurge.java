package fr.jdma.collector.ops;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Ratings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes raw ratings (comments included) older than JDMA_RETENTION_DAYS, at start and every
 * six hours. The rollups (daily, monthly, service-wide) are kept: the indicators of past years stay available.
 */
public final class RetentionPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Database database;
    private final Clock clock;
    private final int days;
    private final ScheduledExecutorService scheduler;

    public RetentionPurge(Database database, Clock clock, int days) {
        this.database = database;
        this.clock = clock;
        this.days = days;
        this.scheduler = days > 0 ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jdma-retention");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    public void start() {
        if (scheduler == null) return;
        purge();
        scheduler.scheduleWithFixedDelay(this::purge, 6, 6, TimeUnit.HOURS);
    }

    /** Deletes what is older than the retention; returns how many ratings went. */
    public int purge() {
        try {
            long cutoff = clock.millis() - Duration.ofDays(days).toMillis();
            int deleted = database.dsl().deleteFrom(Ratings.TABLE).where(Ratings.RECEIVED_AT.lt(cutoff)).execute();
            if (deleted > 0) log.info("retention: deleted {} ratings older than {} days", deleted, days);
            return deleted;
        } catch (RuntimeException e) {
            // the database being down is reported by the writer and /health: one line here is enough
            log.error("retention purge failed ({}); it will be tried again", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
