package fr.jdma.collector.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.mvstore.MVStore;
import org.jooq.DSLContext;

import java.time.Duration;

/**
 * Keeps an H2 file near the size of its data. H2's store is copy-on-write: every commit writes a
 * chunk of the pages it changed (tens of KB for one rating), and a chunk's space is reused only once
 * none of its pages is live. With WRITE_DELAY=0 (each commit reaches the file at once) H2 runs no
 * housekeeping of its own, so chunks that keep one live page piled up: the file grew by about 18 KB
 * per rating (430 MB for 23,000 ratings, 9 MB once compacted). Two kinds of round:
 * <ul>
 * <li>while ratings arrive (a commit since the last round), the live pages of sparse chunks are
 *     rewritten, a bounded amount per round, as H2's own background writer does: the emptied chunks'
 *     space is reused once H2's retention time has passed, nothing moves under a reader, and no
 *     query waits for a connection. Compacting
 *     the file at such times held every query for 200 to 500 ms a round (bench/run.sh's p99). The
 *     rewrite holds the store's lock, so the group commit waits for it: it goes in small steps, each
 *     committed, with a pause between them for the ratings' commits (2 MB at once held it 50-80 ms
 *     under load, and made H2's p99 at half load 35-43 ms against 12-13 ms in steps; bench/findings.md);</li>
 * <li>once the store has taken no commit for a whole round, the file is compacted, which shrinks it.
 *     That moves live pages and breaks a query reading at the same time ("Chunk not found"), so it
 *     runs only while no connection is in use: the pool is suspended (new borrowers wait at most
 *     {@link #COMPACT_FOR}), and the round is skipped if a long reader (an export, a backup) keeps one.</li>
 * </ul>
 */
final class H2Housekeeping implements Dialect.Housekeeping {

    /** How long one compaction may hold new queries. */
    static final Duration COMPACT_FOR = Duration.ofMillis(50);
    /** How long a compaction waits for the connections in use to come back before skipping its round. */
    static final Duration IDLE_WITHIN = Duration.ofMillis(100);
    /** Under load, chunks less full than this (percent) have their live pages rewritten... */
    static final int REWRITE_BELOW_FILL_RATE = 80;
    /** ...at most this many bytes a round (H2's own background writer rewrites a quarter of 1 MB per 100 ms)... */
    static final int REWRITE_AT_MOST_BYTES = 2 * 1024 * 1024;
    /** ...this many at a time (a step holds the store's lock about 15 ms under load)... */
    static final int REWRITE_STEP_BYTES = 256 * 1024;
    /** ...and the ratings' commits go through between two steps. */
    static final Duration BETWEEN_STEPS = Duration.ofMillis(20);

    /** The store's version when the last round ended: unchanged means no commit since. */
    private long versionSeen = -1;

    @Override
    public void run(DSLContext db, HikariDataSource pool) throws InterruptedException {
        MVStore store = store(db);
        try {
            if (store.getCurrentVersion() != versionSeen) {
                rewriteSparseChunks(store);
            } else {
                compactWhileNoConnectionIsInUse(store, pool);
            }
        } finally {
            versionSeen = store.getCurrentVersion();
        }
    }

    /** The store under an H2 database's connections. */
    static MVStore store(DSLContext db) {
        return db.connectionResult(connection -> ((org.h2.engine.SessionLocal) connection
                .unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore());
    }

    private static void rewriteSparseChunks(MVStore store) throws InterruptedException {
        for (int rewritten = 0; rewritten < REWRITE_AT_MOST_BYTES; rewritten += REWRITE_STEP_BYTES) {
            if (rewritten > 0) Thread.sleep(BETWEEN_STEPS.toMillis());
            if (!store.compact(REWRITE_BELOW_FILL_RATE, REWRITE_STEP_BYTES)) return;
            // the rewritten pages are in memory: stored now, so the emptied chunks are freed
            store.commit();
        }
    }

    private static void compactWhileNoConnectionIsInUse(MVStore store, HikariDataSource pool) throws InterruptedException {
        var connections = pool.getHikariPoolMXBean();
        connections.suspendPool();
        try {
            long deadline = System.nanoTime() + IDLE_WITHIN.toNanos();
            while (connections.getActiveConnections() > 0) {
                if (System.nanoTime() > deadline) return;
                Thread.sleep(1);
            }
            // compactFile drops the store's retention time to 0 for good; H2 keeps freed chunks for
            // 45 s so that a copy or a crash finds its newest chunk: with 0 for good, a backup taken
            // after a compaction lost its last ratings (BackupRestoreIT)
            int retention = store.getRetentionTime();
            try {
                store.compactFile((int) COMPACT_FOR.toMillis());
                store.sync();
            } finally {
                store.setRetentionTime(retention);
            }
        } finally {
            connections.resumePool();
        }
    }
}
