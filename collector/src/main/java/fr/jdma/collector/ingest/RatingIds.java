package fr.jdma.collector.ingest;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The ids the collector makes for a rating (the hosted form's, or one for a rating sent without): time-ordered UUIDs,
 * version 7 (RFC 9562), like the widget's. A new rating then lands at the end of the id index instead of at a random
 * place in it: at a million ratings, random (version 4) ids made every insert read an index page the cache no longer
 * held (docs/benchmarks.md). The time is the millisecond the id is made, which the rating's received_at already tells
 * within seconds; the other 74 bits are random.
 */
public final class RatingIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RatingIds() {
    }

    public static String next() {
        return of(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** Bits 0–47 the Unix time in ms, then the version (7), 12 random bits, the variant (10) and 62 random bits. */
    static String of(long epochMillis, long randomHigh, long randomLow) {
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randomHigh & 0x0FFFL);
        long low = randomLow & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
