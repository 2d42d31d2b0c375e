package fr.jdma.collector.catalogue;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The origins whose ratings were refused with 403, per service: usually a site the webmaster
 * forgot to allow. A refusal only touches memory; the counts reach the database in one
 * transaction every few seconds (a flood of refused requests is never a flood of writes).
 * Only the origin, a count and the last time are kept: nothing about the citizen.
 */
public final class RefusedOrigins implements AutoCloseable {

    /** One refused origin of a service. */
    public record Refused(String origin, long count, Instant lastSeen) {
    }

    static final long FLUSH_EVERY_SECONDS = 10;
    /** Distinct (service, origin) pairs waiting in memory; beyond, new pairs wait for the next flush. */
    static final int MAX_PENDING = 10_000;
    /** Origins shown per service, the latest first. */
    public static final int SHOWN = 20;
    private static final int MAX_ORIGIN = 200;

    private static final Logger log = LoggerFactory.getLogger(RefusedOrigins.class);

    private record Key(String service, String origin) {
    }

    private static final class Pending {
        final LongAdder count = new LongAdder();
        volatile long lastSeen;
    }

    private final Database database;
    private final Clock clock;
    private final AtomicReference<ConcurrentHashMap<Key, Pending>> pending = new AtomicReference<>(new ConcurrentHashMap<>());
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jdma-refused-origins");
        thread.setDaemon(true);
        return thread;
    });

    public RefusedOrigins(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public RefusedOrigins start() {
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY_SECONDS, FLUSH_EVERY_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    /** Notes that a rating of this (known) service sent from this origin was refused. Never touches the database. */
    public void record(String service, String origin) {
        String normalised = origin == null || origin.length() > MAX_ORIGIN ? null : ServiceParser.normaliseOrigin(origin);
        if (normalised == null || normalised.equals("*")) return;
        ConcurrentHashMap<Key, Pending> map = pending.get();
        Key key = new Key(service, normalised);
        Pending entry = map.get(key);
        if (entry == null) {
            if (map.size() >= MAX_PENDING) return;
            entry = map.computeIfAbsent(key, k -> new Pending());
        }
        entry.lastSeen = clock.millis();
        entry.count.increment();
    }

    /** Writes what memory holds; a refusal racing with the swap may be counted in the next round or lost, never twice. */
    public synchronized void flush() {
        ConcurrentHashMap<Key, Pending> batch = pending.getAndSet(new ConcurrentHashMap<>());
        if (batch.isEmpty()) return;
        database.dsl().transaction(tx -> {
            for (var entry : batch.entrySet()) {
                long count = entry.getValue().count.sum();
                long lastSeen = entry.getValue().lastSeen;
                tx.dsl().insertInto(Schema.RefusedOrigins.TABLE)
                        .set(Schema.RefusedOrigins.SERVICE, entry.getKey().service())
                        .set(Schema.RefusedOrigins.ORIGIN, entry.getKey().origin())
                        .set(Schema.RefusedOrigins.COUNT, count)
                        .set(Schema.RefusedOrigins.LAST_SEEN_AT, lastSeen)
                        .onConflict(Schema.RefusedOrigins.SERVICE, Schema.RefusedOrigins.ORIGIN).doUpdate()
                        .set(Schema.RefusedOrigins.COUNT, Schema.RefusedOrigins.COUNT.plus(count))
                        .set(Schema.RefusedOrigins.LAST_SEEN_AT, lastSeen)
                        .execute();
            }
        });
    }

    /** The service's refused origins, the latest first: what is stored plus what waits in memory. */
    public List<Refused> of(String service) {
        Map<String, Refused> byOrigin = new LinkedHashMap<>();
        database.dsl().select(Schema.RefusedOrigins.ORIGIN, Schema.RefusedOrigins.COUNT, Schema.RefusedOrigins.LAST_SEEN_AT)
                .from(Schema.RefusedOrigins.TABLE)
                .where(Schema.RefusedOrigins.SERVICE.eq(service))
                .forEach(r -> byOrigin.put(r.value1(), new Refused(r.value1(), r.value2(), Instant.ofEpochMilli(r.value3()))));
        pending.get().forEach((key, p) -> {
            if (!key.service().equals(service)) return;
            Refused stored = byOrigin.get(key.origin());
            long count = p.count.sum() + (stored == null ? 0 : stored.count());
            byOrigin.put(key.origin(), new Refused(key.origin(), count, Instant.ofEpochMilli(p.lastSeen)));
        });
        List<Refused> all = new ArrayList<>(byOrigin.values());
        all.sort(Comparator.comparing(Refused::lastSeen).reversed().thenComparing(Refused::origin));
        return all.size() > SHOWN ? all.subList(0, SHOWN) : all;
    }

    /** Forgets an origin once it is allowed. */
    public synchronized void forget(String service, String origin) {
        pending.get().remove(new Key(service, origin));
        database.dsl().deleteFrom(Schema.RefusedOrigins.TABLE)
                .where(Schema.RefusedOrigins.SERVICE.eq(service).and(Schema.RefusedOrigins.ORIGIN.eq(origin)))
                .execute();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The counts are a hint for webmasters: a failing database loses them, never a rating.
            log.warn("refused origins not written: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
