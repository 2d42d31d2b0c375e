package fr.jdma.collector.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most N ratings per minute per client and service, in fixed one-minute windows. The
 * client is known only by its {@link ClientKey} (a keyed hash held in memory), for two minutes.
 */
public final class RateLimiter {

    private record Window(String client, String service, long minute) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ClientKey clientKey;
    // About 240 bytes of heap per window: 50,000 windows (12 MB) is 400 new clients a second, far past any
    // service's peak. A flood of new clients past that evicts windows early (some clients start a fresh minute)
    // instead of filling the heap of deploy/jvm-flags.
    private final Cache<Window, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2))
            .maximumSize(50_000)
            .build();

    public RateLimiter(int perMinute, Clock clock) {
        this(perMinute, clock, new ClientKey());
    }

    /** With the key the duplicate check shares, so both know a client the same way. */
    public RateLimiter(int perMinute, Clock clock, ClientKey clientKey) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.clientKey = clientKey;
    }

    /** How many windows are held now (the bound above). */
    long windowsHeld() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** 0 when the rating may go on, otherwise the seconds to wait before the next try. */
    public long secondsToWait(String clientAddress, String service) {
        if (perMinute <= 0) return 0;
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = new Window(clientKey.of(clientAddress), service, minute);
        int count = windows.get(window, w -> new AtomicInteger()).incrementAndGet();
        if (count <= perMinute) return 0;
        return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}
