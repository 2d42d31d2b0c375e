package fr.jdma.collector.backup;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.NotEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Consistent copies of the running embedded database, taken while ratings keep being written
 * (H2's BACKUP TO, SQLite's online backup API). A copy is written under a temporary name and
 * renamed when complete, so a file with the final name is always a whole backup.
 */
public final class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private static final java.time.format.DateTimeFormatter NAME_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final String PREFIX = "jdma-";

    private final Database database;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastSuccessMillis = new AtomicLong();

    public Snapshots(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** True for H2 and SQLite; PostgreSQL is backed up with pg_dump. */
    public boolean supported() {
        return database.dialect().backupExtension() != null;
    }

    public String extension() {
        return database.dialect().backupExtension();
    }

    /** Writes a whole backup to {@code file} (replacing it) and returns its size in bytes. */
    public long writeTo(Path file, String reason) {
        if (!supported()) throw NotEmbedded.backup();
        Path folder = file.toAbsolutePath().getParent();
        oneAtATime.lock();
        long started = System.nanoTime();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, ".partial-", "." + extension());
            Files.delete(partial);  // both engines refuse to write over an existing file
            database.backup(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(file);
            written.incrementAndGet();
            lastSuccessMillis.set(clock.millis());
            log.info("backup ({}): wrote {} ({} bytes) in {} ms", reason, file.getFileName(), size,
                    (System.nanoTime() - started) / 1_000_000);
            return size;
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            log.error("backup ({}) failed: {}", reason, e.toString());
            if (partial != null) deleteQuietly(partial);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        } finally {
            oneAtATime.unlock();
        }
    }

    /** A temporary file next to the database for a backup that is streamed, then deleted. */
    public Path temporaryFile() throws IOException {
        Path folder = database.folder().orElseThrow(NotEmbedded::noFolder);
        return Files.createTempFile(folder, ".download-", "." + extension());
    }

    public long written() {
        return written.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Epoch seconds of the last successful backup, 0 when none yet. */
    public long lastSuccessSeconds() {
        return lastSuccessMillis.get() / 1000;
    }

    /** The name of a backup taken at {@code at}: jdma-20260115T030000Z.zip (names sort by time). */
    public String fileName(java.time.Instant at) {
        return PREFIX + NAME_TIME.format(at) + "." + extension();
    }

    /** True for a file named by {@link #fileName}. */
    boolean isBackupName(String name) {
        return name.startsWith(PREFIX) && name.endsWith("." + extension());
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the next backup uses a new name
        }
    }
}
