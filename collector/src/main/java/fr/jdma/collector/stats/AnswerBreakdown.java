package fr.jdma.collector.stats;

import fr.jdma.collector.input.Period;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ratings of a service counted by location, UTC day and combination of answers, summed by the
 * database. The back office's dashboard reads this rather than the daily rollups because it also
 * filters by source and shows how answers spread over each question, which rollups do not keep.
 */
public final class AnswerBreakdown {

    /** {@code count} ratings of this location and day gave exactly these answers. */
    public record Row(String location, int epochDay, String satisfaction, Short clarity, String help,
                      Boolean helpReached, Short helpQuality, long count) {
    }

    private static final long DAY_MILLIS = 86_400_000L;

    private final Database database;

    public AnswerBreakdown(Database database) {
        this.database = database;
    }

    public void each(String service, String location, String source, Period period, Consumer<Row> each) {
        List<Condition> where = new ArrayList<>();
        where.add(Ratings.SERVICE.eq(service));
        if (location != null) where.add(Ratings.LOCATION.eq(location));
        if (source != null) where.add(Ratings.SOURCE.eq(source));
        if (period.from() != null) where.add(Ratings.RECEIVED_AT.ge(period.fromMillis()));
        if (period.to() != null) where.add(Ratings.RECEIVED_AT.lt(period.toMillisExclusive()));
        // Whole-number division of epoch milliseconds: the UTC day, the same in H2, SQLite and PostgreSQL.
        // Inlined, not bound: the grouped and selected expressions must be the same text for H2 and PostgreSQL.
        Field<Long> day = Ratings.RECEIVED_AT.div(DSL.inline(DAY_MILLIS));
        Field<Integer> count = DSL.count();
        List<Field<?>> keys = List.of(Ratings.LOCATION, day, Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP,
                Ratings.HELP_REACHED, Ratings.HELP_QUALITY);
        List<Field<?>> fields = new ArrayList<>(keys);
        fields.add(count);
        database.dsl().select(fields).from(Ratings.TABLE).where(where).groupBy(keys)
                .forEach(r -> each.accept(new Row(r.get(Ratings.LOCATION), r.get(1, Long.class).intValue(),
                        r.get(Ratings.SATISFACTION), r.get(Ratings.CLARITY), r.get(Ratings.HELP), r.get(Ratings.HELP_REACHED),
                        r.get(Ratings.HELP_QUALITY), r.get(count))));
    }
}
