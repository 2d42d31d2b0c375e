package fr.jdma.collector.ingest;

import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes ratings and their daily rollups in one transaction; knows nothing of HTTP. */
public final class RatingStore implements GroupCommitWriter.BatchStore {

    private final Database database;

    public RatingStore(Database database) {
        this.database = database;
    }

    /**
     * Stores the ratings (distinct ids) in one durable transaction and tells, for each, whether
     * it was new (true) or a replay of an id already stored (false).
     */
    @Override
    public boolean[] insert(List<Rating> ratings) {
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

    private boolean[] insertDurably(List<Rating> ratings) {
        boolean[] created = database.dsl().transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            BatchBindStep batch = tx.batch(tx.insertInto(Ratings.TABLE,
                            Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE, Ratings.LOCATION, Ratings.SOURCE,
                            Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP, Ratings.HELP_REACHED,
                            Ratings.HELP_QUALITY, Ratings.COMMENT, Ratings.FLAGS, Ratings.PAGE, Ratings.LANG)
                    .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                    .onConflict(Ratings.ID).doNothing());
            for (Rating r : ratings) {
                batch = batch.bind(r.id(), r.receivedAt().toEpochMilli(), r.service(), r.location(), r.source(),
                        r.satisfaction().wire(), r.clarity() == null ? null : r.clarity().shortValue(),
                        joined(r.help().stream().map(Rating.Help::wire).toList()), r.helpReached(),
                        r.helpQuality() == null ? null : r.helpQuality().shortValue(), r.comment(),
                        joined(r.flags().stream().sorted().toList()), r.page(), r.lang());
            }
            int[] counts = batch.execute();
            boolean[] isNew = new boolean[ratings.size()];
            List<Rating> stored = new ArrayList<>();
            for (int i = 0; i < isNew.length; i++) {
                isNew[i] = counts[i] > 0;
                if (isNew[i]) stored.add(ratings.get(i));
            }
            Rollups.add(tx, stored);
            return isNew;
        });
        database.dialect().makeDurable(database.dsl());
        return created;
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining("|"));
    }
}
