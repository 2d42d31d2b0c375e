package fr.jdma.collector.ops;

import fr.jdma.collector.ingest.RatingIntake.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One log line per period for the ratings refused because of their Origin (a site embedding
 * a service's snippet without being allowed, or a misconfigured catalogue), instead of one
 * line per request: "refused origins in the last 5 min: https://x.example ×12". It watches the
 * intake's outcomes ({@code RatingIntake#onOutcome}), whichever door the rating came in by.
 */
public final class RefusedOriginLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefusedOriginLog.class);
    private static final int MAX_ORIGINS = 50;
    private static final int MAX_ORIGIN_LENGTH = 100;

    private final Duration period;
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder overflow = new LongAdder();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jdma-refused-origins");
        thread.setDaemon(true);
        return thread;
    });

    public RefusedOriginLog(Duration period) {
        this.period = period;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts a refusal for its Origin; a request without one names no site to allow. */
    public void observe(Outcome outcome) {
        if (!(outcome instanceof Outcome.OriginRefused refusal) || refusal.origin() == null) return;
        String key = printable(refusal.origin());
        if (refused.size() >= MAX_ORIGINS && !refused.containsKey(key)) overflow.increment();
        else refused.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Writes the summary of what was refused since the last one, if anything was. */
    void flush() {
        if (refused.isEmpty() && overflow.sum() == 0) return;
        Map<String, Long> counts = new TreeMap<>();
        for (String origin : refused.keySet()) {
            LongAdder count = refused.remove(origin);
            if (count != null) counts.put(origin, count.sum());
        }
        long others = overflow.sumThenReset();
        log.info("refused origins in the last {} min: {}{}", Math.max(1, period.toMinutes()),
                counts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", ")),
                others > 0 ? " and " + others + " from other origins" : "");
    }

    /** An Origin is whatever the client sent: cut short and stripped of anything that could break the line. */
    private static String printable(String origin) {
        String cut = origin.length() > MAX_ORIGIN_LENGTH ? origin.substring(0, MAX_ORIGIN_LENGTH) + "…" : origin;
        return cut.replaceAll("[^\\x21-\\x7E…]", "?");
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        flush();
    }
}
