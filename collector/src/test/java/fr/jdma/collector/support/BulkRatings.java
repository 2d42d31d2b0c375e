package fr.jdma.collector.support;

import fr.jdma.collector.storage.Schema.Ratings;

/** Many ratings written straight into the database, for tests that need a large export fast. */
public final class BulkRatings {

    private BulkRatings() {
    }

    /** {@code rows} ratings of service caf, one millisecond apart, each with a comment of about 85 bytes. */
    public static void insert(TestCollector collector, int rows) {
        var db = collector.database().dsl();
        var batch = db.batch(db.insertInto(Ratings.TABLE, Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE,
                Ratings.LOCATION, Ratings.SOURCE, Ratings.SATISFACTION, Ratings.COMMENT).values((String) null, null, null, null, null, null, null));
        for (int i = 0; i < rows; i++) {
            batch = batch.bind(String.format("00000000-0000-4000-8000-%012d", i), 1_770_000_000_000L + i, "caf", "", "", "good",
                    "un commentaire assez long pour que chaque ligne du fichier pèse plus de cent octets ");
        }
        batch.execute();
    }
}
