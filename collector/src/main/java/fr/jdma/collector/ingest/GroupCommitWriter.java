package fr.jdma.collector.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One thread that writes the ratings of many concurrent requests in one durable transaction.
 * A request's future completes only once its batch is committed and synced, so a 201 always
 * means "on disk"; one fsync serves a whole batch, which is where the throughput comes from.
 * The queue is bounded: when it is full the caller is told at once (503), nothing is dropped.
 * Completing a request's future runs its response (Javalin writes it in the completing thread):
 * that is handed to the HTTP threads, so the writer goes straight back to the next batch
 * (the profile of bench/run.sh showed a third of the writer's time spent writing responses).
 */
public final class GroupCommitWriter implements AutoCloseable {

    /** What became of a rating: stored, a replay of a stored id, a completion of one, or a conflict with one. */
    public record Outcome(Kind kind, String conflict) {
        public enum Kind { CREATED, REPLAYED, COMPLETED, CONFLICT }

        public static final Outcome CREATED = new Outcome(Kind.CREATED, null);
        public static final Outcome REPLAYED = new Outcome(Kind.REPLAYED, null);
        /** Completed now, or a replay of a rating completed before: either way it stands completed. */
        public static final Outcome COMPLETED = new Outcome(Kind.COMPLETED, null);

        /** The POST contradicts the stored rating (see {@link Completion}); {@code detail} says how. */
        public static Outcome conflict(String detail) {
            return new Outcome(Kind.CONFLICT, detail);
        }
    }

    /** The writer cannot take the rating now (queue full, stopping, database failing); the client may retry. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Where batches go: {@link RatingStore} in production. */
    @FunctionalInterface
    public interface BatchStore {
        /**
         * Stores distinct ratings in one durable transaction: new ones are created, and a rating
         * whose id is stored already replays, completes or conflicts with it; one outcome each.
         */
        Outcome[] insert(List<Rating> ratings);

        /** False while the database is known to be down: ratings are refused at once, not queued. */
        default boolean isAvailable() {
            return true;
        }
    }

    private record Pending(Rating rating, CompletableFuture<Outcome> done) {
    }

    /** A committed rating's answer, waiting to be handed to the HTTP threads. */
    private record Ack(Pending pending, Outcome outcome) {
        static void completeAll(Ack[] acks) {
            for (Ack ack : acks) ack.pending().done().complete(ack.outcome());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 1000;
    private static final int ACK_TASKS = Runtime.getRuntime().availableProcessors();
    private static final String DATABASE_DOWN = "the database is unavailable";

    private final BatchStore store;
    private final Executor acknowledge;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final LongAdder batches = new LongAdder();
    private final LongAdder written = new LongAdder();
    private volatile boolean accepting = true;

    /** A writer that completes futures on its own thread (tests, tools). */
    public GroupCommitWriter(BatchStore store, int capacity) {
        this(store, capacity, Runnable::run);
    }

    /** {@code acknowledge} runs what waits on a committed rating (the HTTP answer), off the writer's thread. */
    public GroupCommitWriter(BatchStore store, int capacity, Executor acknowledge) {
        this.store = store;
        this.acknowledge = acknowledge;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "jdma-group-commit");
        thread.start();
    }

    public CompletableFuture<Outcome> submit(Rating rating) {
        if (!accepting) return CompletableFuture.failedFuture(new UnavailableException("the collector is stopping", null));
        if (!store.isAvailable()) return CompletableFuture.failedFuture(new UnavailableException(DATABASE_DOWN, null));
        Pending pending = new Pending(rating, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(new UnavailableException("the write queue is full", null));
        }
        return pending.done();
    }

    public int queued() {
        return queue.size();
    }

    public long batches() {
        return batches.sum();
    }

    public long written() {
        return written.sum();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<Ack> acks = new ArrayList<>(MAX_BATCH);
        while (accepting || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (store.isAvailable()) {
                    write(batch, acks);
                } else {
                    batch.forEach(p -> p.done().completeExceptionally(new UnavailableException(DATABASE_DOWN, null)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // never let the writer die: fail this batch, keep serving the next ones. An outage
                // was logged once by the database; anything else is a bug worth its stack trace.
                if (store.isAvailable()) log.error("group commit failed", e);
                // what a transaction of this batch committed before the failure is acknowledged all the same
                Set<Pending> committed = Collections.newSetFromMap(new IdentityHashMap<>());
                acks.forEach(ack -> committed.add(ack.pending()));
                for (Pending p : batch) {
                    if (!committed.contains(p)) p.done().completeExceptionally(new UnavailableException("the write failed", e));
                }
            } finally {
                acknowledge(acks);
                acks.clear();
                batch.clear();
            }
        }
        // Anything that slipped in after the last pass is refused, never left hanging.
        Pending late;
        while ((late = queue.poll()) != null) {
            late.done().completeExceptionally(new UnavailableException("the collector is stopping", null));
        }
    }

    /** Writes a batch; what each committed rating must be answered goes into {@code acks}. */
    private void write(List<Pending> batch, List<Ack> acks) {
        // Racing posts of one id within a batch: the first is written; a later one with the
        // same answers shares its fate, a different one (a completion) goes in a next round.
        Map<String, List<Pending>> byId = new LinkedHashMap<>();
        for (Pending p : batch) byId.computeIfAbsent(p.rating().id(), id -> new ArrayList<>()).add(p);
        List<Rating> distinct = byId.values().stream().map(ps -> ps.get(0).rating()).toList();
        Outcome[] outcomes;
        try {
            outcomes = store.insert(distinct);
        } catch (RuntimeException e) {
            if (distinct.size() == 1 || !store.isAvailable()) throw e;
            // One bad row must not fail its neighbours: write them one by one.
            log.warn("batch of {} failed ({}); writing its ratings one by one", distinct.size(), e.toString());
            for (List<Pending> same : byId.values()) {
                try {
                    write(same, acks);
                } catch (RuntimeException single) {
                    log.error("rating {} could not be stored", same.get(0).rating().id(), single);
                    same.forEach(p -> p.done().completeExceptionally(new UnavailableException("the write failed", single)));
                }
            }
            return;
        }
        batches.increment();
        List<Pending> nextRound = new ArrayList<>();
        int i = 0;
        for (List<Pending> same : byId.values()) {
            Outcome first = outcomes[i++];
            if (first == Outcome.CREATED) written.increment();
            Rating firstRating = same.get(0).rating();
            acks.add(new Ack(same.get(0), first));
            for (Pending later : same.subList(1, same.size())) {
                if (!later.rating().sameAnswers(firstRating)) nextRound.add(later);
                else acks.add(new Ack(later, first == Outcome.CREATED ? Outcome.REPLAYED : first));
            }
        }
        if (!nextRound.isEmpty()) write(nextRound, acks);
    }

    /**
     * Completes the futures of committed ratings on the HTTP threads, in one task per core rather than one per
     * rating: each task woke a parked thread (profiled under load: 13 % of the samples in the pool's idle poll and reserved threads)
     * (docs/benchmarks.md). In this thread when the pool takes no more (stopping).
     */
    private void acknowledge(List<Ack> acks) {
        int n = acks.size();
        int tasks = Math.min(ACK_TASKS, n);
        for (int t = 0; t < tasks; t++) {
            Ack[] slice = acks.subList(n * t / tasks, n * (t + 1) / tasks).toArray(Ack[]::new);
            try {
                acknowledge.execute(() -> Ack.completeAll(slice));
            } catch (RejectedExecutionException e) {
                Ack.completeAll(slice);
            }
        }
    }

    /** Stops taking ratings, writes everything already queued, then returns. */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
