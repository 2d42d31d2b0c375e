package fr.jdma.collector.stats;

import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.Rating.Help;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.jdma.collector.storage.Schema.DailyRollups;

/**
 * Answer counts per service x location x UTC day. Ingest adds the ratings it creates in the
 * same transaction, so the indicators read a few rows per day instead of every rating.
 */
public final class Rollups {

    private record Key(String service, String location, int day) {
    }

    private Rollups() {
    }

    /**
     * The counter values one rating contributes, in the order of {@code Schema.DailyRollups.COUNTERS}.
     * A duplicate (the same comment sent again by the same client) is stored but counts for nothing.
     */
    public static long[] countsOf(Rating r) {
        if (r.flags().contains(Flag.DUPLICATE.wire())) return new long[DailyRollups.COUNTERS.size()];
        boolean reached = r.triedAdministration() && r.helpReached() != null;
        boolean quality = r.triedAdministration() && r.helpQuality() != null;
        return new long[] {
                1,
                r.satisfaction() == Rating.Satisfaction.GOOD ? 1 : 0,
                r.satisfaction() == Rating.Satisfaction.AVERAGE ? 1 : 0,
                r.satisfaction() == Rating.Satisfaction.BAD ? 1 : 0,
                r.clarity() == null ? 0 : 1,
                r.clarity() == null ? 0 : r.clarity() - 1,
                r.help().isEmpty() ? 0 : 1,
                r.help().contains(Help.NONE) ? 1 : 0,
                reached ? 1 : 0,
                reached && r.helpReached() ? 1 : 0,
                quality ? 1 : 0,
                quality ? r.helpQuality() - 1 : 0,
        };
    }

    public static int dayOf(Rating r) {
        return (int) r.receivedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** A stored rating changed by a completion: same id, service, place and day, more answers. */
    public record Change(Rating before, Rating after) {
    }

    /** Adds the given (newly stored) ratings to their days, inside the caller's transaction. */
    public static void add(DSLContext tx, List<Rating> created) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        for (Rating r : created) accumulate(deltas, r, 1);
        write(tx, deltas);
    }

    /** Moves the counts of completed ratings from what they were to what they are, inside the caller's transaction. */
    public static void change(DSLContext tx, List<Change> changes) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        for (Change c : changes) {
            accumulate(deltas, c.after(), 1);
            accumulate(deltas, c.before(), -1);
        }
        write(tx, deltas);
    }

    private static void accumulate(Map<Key, long[]> deltas, Rating r, int sign) {
        long[] sum = deltas.computeIfAbsent(new Key(r.service(), r.location(), dayOf(r)),
                k -> new long[DailyRollups.COUNTERS.size()]);
        long[] one = countsOf(r);
        for (int i = 0; i < sum.length; i++) sum[i] += sign * one[i];
    }

    private static void write(DSLContext tx, Map<Key, long[]> deltas) {
        for (var entry : deltas.entrySet()) {
            // Only duplicates (which count for nothing) on that day: no empty row, no useless update.
            if (java.util.Arrays.stream(entry.getValue()).allMatch(v -> v == 0)) continue;
            upsert(tx, entry.getKey(), entry.getValue());
        }
    }

    private static void upsert(DSLContext tx, Key key, long[] delta) {
        InsertSetMoreStep<Record> insert = tx.insertInto(DailyRollups.TABLE)
                .set(DailyRollups.SERVICE, key.service())
                .set(DailyRollups.LOCATION, key.location())
                .set(DailyRollups.DAY, key.day());
        for (int i = 0; i < delta.length; i++) {
            insert = insert.set(DailyRollups.COUNTERS.get(i), delta[i]);
        }
        InsertOnDuplicateSetMoreStep<Record> update = null;
        for (int i = 0; i < delta.length; i++) {
            Field<Long> counter = DailyRollups.COUNTERS.get(i);
            Field<Long> current = counter;
            update = (update == null
                    ? insert.onConflict(DailyRollups.SERVICE, DailyRollups.LOCATION, DailyRollups.DAY).doUpdate()
                    : update).set(counter, current.plus(delta[i]));
        }
        update.execute();
    }
}
