package fr.jdma.collector.backup;

import fr.jdma.collector.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JDMA_BACKUP_DIR: a backup at start and every JDMA_BACKUP_EVERY, named by its UTC time
 * (jdma-20260115T030000Z.zip), keeping the JDMA_BACKUP_KEEP newest.
 */
public final class ScheduledBackup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackup.class);

    private final Snapshots snapshots;
    private final Config.Backups settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    public ScheduledBackup(Snapshots snapshots, Config.Backups settings, Clock clock) {
        this.snapshots = snapshots;
        this.settings = settings;
        this.clock = clock;
        if (settings.dir().isPresent() && !snapshots.supported()) {
            throw new IllegalArgumentException("JDMA_BACKUP_DIR works with H2 and SQLite; "
                    + "back up PostgreSQL with pg_dump (see the README) and unset JDMA_BACKUP_DIR");
        }
        this.scheduler = settings.dir().isPresent() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jdma-backup");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    public void start() {
        if (scheduler == null) return;
        long every = settings.every().toMillis();
        scheduler.scheduleWithFixedDelay(this::backupAndRotate, 0, every, TimeUnit.MILLISECONDS);
    }

    void backupAndRotate() {
        Path dir = settings.dir().orElseThrow();
        try {
            snapshots.writeTo(dir.resolve(snapshots.fileName(clock.instant())), "scheduled");
            rotate(dir);
        } catch (RuntimeException e) {
            // already logged by Snapshots; the next run tries again
        }
    }

    private void rotate(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(f -> snapshots.isBackupName(f.getFileName().toString())).sorted().toList();
            for (Path old : backups.subList(0, Math.max(0, backups.size() - settings.keep()))) {
                Files.delete(old);
                log.info("backup: removed {} (JDMA_BACKUP_KEEP={})", old.getFileName(), settings.keep());
            }
        } catch (IOException e) {
            log.error("backup rotation in {} failed: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler == null) return;
        scheduler.shutdown();
        try {
            // a backup in progress finishes before the database closes
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
