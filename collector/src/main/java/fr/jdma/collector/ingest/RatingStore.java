package fr.jdma.collector.ingest;

import fr.jdma.collector.ingest.GroupCommitWriter.Outcome;
import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.PreparedBatch;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes ratings and their rollups in one transaction; a rating whose id is stored
 * already is judged by the completion rule ({@link Completion}) in that same transaction.
 * Knows nothing of HTTP.
 */
public final class RatingStore implements GroupCommitWriter.BatchStore {

    /** The columns a new rating fills, in the order of {@link #row}. */
    public static final List<Field<?>> COLUMNS = List.of(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE, Ratings.LOCATION,
            Ratings.SOURCE, Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP, Ratings.HELP_REACHED, Ratings.HELP_QUALITY,
            Ratings.COMMENT, Ratings.FLAGS, Ratings.PAGE, Ratings.LANG);

    private final Database database;
    /** The insert of new ratings; one already stored (same id) is left as it is, and judged below. */
    private final PreparedBatch insert;

    public RatingStore(Database database) {
        this.database = database;
        this.insert = PreparedBatch.of(database.dsl(), COLUMNS,
                values -> DSL.insertInto(Ratings.TABLE, COLUMNS).values(values).onConflict(Ratings.ID).doNothing());
    }

    /**
     * Stores the ratings (distinct ids) in one durable transaction and tells, for each, whether
     * it was new, a replay of an id already stored, a completion of it, or a conflict with it.
     */
    @Override
    public Outcome[] insert(List<Rating> ratings) {
        try {
            return insertDurably(ratings);
        } catch (RuntimeException e) {
            database.isOutage(e); // a database gone opens an outage: the next ratings are refused at once
            throw e;
        }
    }

    @Override
    public boolean isAvailable() {
        return database.isAvailable();
    }

    private Outcome[] insertDurably(List<Rating> ratings) {
        Outcome[] outcomes = database.dsl().transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            List<Object[]> rows = new ArrayList<>(ratings.size());
            for (Rating r : ratings) rows.add(row(r));
            int[] counts = insert.execute(tx, rows);
            Outcome[] result = new Outcome[ratings.size()];
            List<Rating> created = new ArrayList<>();
            List<Rating> known = new ArrayList<>();
            for (int i = 0; i < result.length; i++) {
                if (counts[i] > 0) {
                    result[i] = Outcome.CREATED;
                    created.add(ratings.get(i));
                } else {
                    known.add(ratings.get(i));
                }
            }
            List<Rollups.Change> completions = new ArrayList<>();
            if (!known.isEmpty()) {
                Map<String, Outcome> judged = judge(tx, known, completions);
                for (int i = 0; i < result.length; i++) {
                    if (result[i] == null) result[i] = judged.get(ratings.get(i).id());
                }
            }
            Rollups.write(tx, created, completions);
            return result;
        });
        database.dialect().makeDurable(database.dsl());
        return outcomes;
    }

    /** Applies the completion rule to ratings whose id is stored; completions are written and listed. */
    private static Map<String, Outcome> judge(DSLContext tx, List<Rating> known, List<Rollups.Change> completions) {
        Map<String, ? extends Record> rows = tx.select(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE, Ratings.LOCATION,
                        Ratings.SOURCE, Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP, Ratings.HELP_REACHED,
                        Ratings.HELP_QUALITY, Ratings.COMMENT, Ratings.FLAGS, Ratings.PAGE, Ratings.LANG, Ratings.COMPLETED_AT)
                .from(Ratings.TABLE)
                .where(Ratings.ID.in(known.stream().map(Rating::id).toList()))
                .fetchMap(Ratings.ID);
        Map<String, Outcome> outcomes = new java.util.HashMap<>();
        for (Rating incoming : known) {
            Record row = rows.get(incoming.id());
            Completion.Verdict verdict = Completion.judge(rating(row), row.get(Ratings.COMPLETED_AT) != null, incoming);
            // The write is conditional on the row read (not completed, same flags), so two
            // instances racing on one id, or a moderator redacting it, never see their change
            // undone; when it moved, it is read and judged again.
            boolean written = false;
            for (int attempt = 0; attempt < 3 && verdict instanceof Completion.Complete complete; attempt++) {
                if (complete(tx, complete.completed(), row.get(Ratings.FLAGS), incoming.receivedAt())) {
                    completions.add(new Rollups.Change(rating(row), complete.completed()));
                    written = true;
                    break;
                }
                row = tx.select(row.fields()).from(Ratings.TABLE).where(Ratings.ID.eq(incoming.id())).fetchOne();
                verdict = Completion.judge(rating(row), row.get(Ratings.COMPLETED_AT) != null, incoming);
            }
            Outcome outcome;
            if (verdict instanceof Completion.Complete) {
                // the writer fails this rating alone (503): the client retries
                if (!written) throw new IllegalStateException("rating " + incoming.id() + " kept changing while being completed");
                outcome = Outcome.COMPLETED;
            } else if (verdict instanceof Completion.Conflict conflict) {
                outcome = Outcome.conflict(conflict.detail());
            } else {
                outcome = row.get(Ratings.COMPLETED_AT) != null ? Outcome.COMPLETED : Outcome.REPLAYED;
            }
            outcomes.put(incoming.id(), outcome);
        }
        return outcomes;
    }

    /** Writes a completion unless the rating was completed meanwhile (then false: nothing written). */
    private static boolean complete(DSLContext tx, Rating r, String flagsRead, Instant at) {
        return tx.update(Ratings.TABLE)
                .set(Ratings.CLARITY, small(r.clarity()))
                .set(Ratings.HELP, joined(r.help().stream().map(Rating.Help::wire).toList()))
                .set(Ratings.HELP_REACHED, r.helpReached())
                .set(Ratings.HELP_QUALITY, small(r.helpQuality()))
                .set(Ratings.COMMENT, r.comment())
                .set(Ratings.FLAGS, joined(r.flags().stream().sorted().toList()))
                .set(Ratings.COMPLETED_AT, at.toEpochMilli())
                .where(Ratings.ID.eq(r.id()).and(Ratings.COMPLETED_AT.isNull()).and(Ratings.FLAGS.isNotDistinctFrom(flagsRead)))
                .execute() == 1;
    }

    /** A stored row as the rating it was made from. */
    private static Rating rating(Record row) {
        Short clarity = row.get(Ratings.CLARITY);
        Short quality = row.get(Ratings.HELP_QUALITY);
        return new Rating(row.get(Ratings.ID), Instant.ofEpochMilli(row.get(Ratings.RECEIVED_AT)),
                row.get(Ratings.SERVICE), row.get(Ratings.LOCATION), row.get(Ratings.SOURCE),
                Rating.Satisfaction.valueOf(row.get(Ratings.SATISFACTION).toUpperCase(java.util.Locale.ROOT)),
                clarity == null ? null : clarity.intValue(),
                split(row.get(Ratings.HELP), w -> Rating.Help.valueOf(w.toUpperCase(java.util.Locale.ROOT))),
                row.get(Ratings.HELP_REACHED), quality == null ? null : quality.intValue(), row.get(Ratings.COMMENT),
                Set.copyOf(split(row.get(Ratings.FLAGS), Function.identity())), row.get(Ratings.PAGE), row.get(Ratings.LANG));
    }

    /** The values a new rating is stored with, in the order of {@link #COLUMNS} (also bench/Generate.java's bulk load). */
    public static Object[] row(Rating r) {
        return new Object[] {r.id(), r.receivedAt().toEpochMilli(), r.service(), r.location(), r.source(),
                r.satisfaction().wire(), small(r.clarity()), joined(r.help().stream().map(Rating.Help::wire).toList()),
                r.helpReached(), small(r.helpQuality()), r.comment(),
                joined(r.flags().stream().sorted().toList()), r.page(), r.lang()};
    }

    private static <T> List<T> split(String joined, Function<String, T> value) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split("\\|")).map(value).toList();
    }

    private static Short small(Integer value) {
        return value == null ? null : value.shortValue();
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining("|"));
    }
}
