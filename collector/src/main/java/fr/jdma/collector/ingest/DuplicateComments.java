package fr.jdma.collector.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A citizen who reloads and sends again is counted once: the same client (its {@link ClientKey})
 * sending the same non-empty comment to the same service within ten minutes under a new id gets
 * the rating stored with the flag {@code duplicate}, which keeps it out of the indicators. Only
 * a digest of (client key, service, comment) is remembered, in memory, for ten minutes.
 */
public final class DuplicateComments {

    public static final Duration WINDOW = Duration.ofMinutes(10);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private record Seen(String ratingId, long at) {
    }

    private final Clock clock;
    private final ClientKey clientKey;
    // About 180 bytes of heap per entry: 50,000 entries (9 MB) is 80 commented ratings a second over the window.
    // Past that, entries leave early and a repeat may pass without its flag; the heap stays bounded.
    private final Cache<String, Seen> seen = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(50_000)
            .build();

    public DuplicateComments(Clock clock, ClientKey clientKey) {
        this.clock = clock;
        this.clientKey = clientKey;
    }

    /** The rating, flagged {@code duplicate} when it repeats a comment this client sent lately under another id. */
    public Rating check(String clientAddress, Rating rating) {
        if (rating.comment() == null || rating.comment().isBlank()) return rating;
        long now = clock.millis();
        String digest = digest(clientKey.of(clientAddress) + '\n' + rating.service() + '\n' + rating.comment());
        Seen before = seen.asMap().put(digest, new Seen(rating.id(), now));
        boolean duplicate = before != null && !before.ratingId().equals(rating.id())
                && now - before.at() < WINDOW.toMillis();
        return duplicate ? rating.withFlag(Flag.DUPLICATE) : rating;
    }

    private static String digest(String text) {
        // digest() leaves the thread's instance ready for the next text.
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
