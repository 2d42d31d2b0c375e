package fr.jdma.collector.stats;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Optional;

/** When a service last received an answer: one look at the end of its (service, received_at) index. */
public final class Activity {

    private final Database database;

    public Activity(Database database) {
        this.database = database;
    }

    public Optional<Instant> lastAnswer(String service) {
        Long last = database.dsl().select(DSL.max(Ratings.RECEIVED_AT)).from(Ratings.TABLE)
                .where(Ratings.SERVICE.eq(service)).fetchOne(0, Long.class);
        return Optional.ofNullable(last).map(Instant::ofEpochMilli);
    }
}
