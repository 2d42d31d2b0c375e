package fr.jdma.collector.export;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the ratings an {@link ExportQuery} selects into a table (CSV or XLSX), row by row from a database cursor. */
public final class RatingsExport {

    public static final List<String> COLUMNS = List.of("id", "received_at", "service", "location", "source",
            "satisfaction", "clarity", "help", "help_reached", "help_quality", "comment", "flags", "page", "lang");

    private static final List<Field<?>> FIELDS = List.of(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE,
            Ratings.LOCATION, Ratings.SOURCE, Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP, Ratings.HELP_REACHED,
            Ratings.HELP_QUALITY, Ratings.COMMENT, Ratings.FLAGS, Ratings.PAGE, Ratings.LANG);

    private final Database database;

    public RatingsExport(Database database) {
        this.database = database;
    }

    /** Writes the query's ratings; {@code services} null means every service. */
    public void write(ExportQuery query, Set<String> services, TableWriter table) throws IOException {
        table.header(COLUMNS);
        try {
            database.dialect().stream(database.dsl(), tx -> select(tx, query, services), row -> {
                try {
                    writeRow(table, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ResultQuery<Record> select(DSLContext tx, ExportQuery query, Set<String> services) {
        List<Condition> where = new ArrayList<>();
        if (services != null) where.add(services.size() == 1 ? Ratings.SERVICE.eq(services.iterator().next()) : Ratings.SERVICE.in(services));
        if (query.location() != null) where.add(Ratings.LOCATION.eq(query.location()));
        if (query.source() != null) where.add(Ratings.SOURCE.eq(query.source()));
        if (query.period().from() != null) where.add(Ratings.RECEIVED_AT.ge(query.period().fromMillis()));
        if (query.period().to() != null) where.add(Ratings.RECEIVED_AT.lt(query.period().toMillisExclusive()));
        if (!query.flags().isEmpty()) where.add(Ratings.hasAnyFlag(query.flags()));
        // The contract's order is received_at then id. For one service, putting the (fixed) service
        // first matches the (service, received_at, id) index; across services, (received_at, id) has its own.
        boolean oneService = services != null && services.size() == 1;
        return tx.select(FIELDS)
                .from(Ratings.TABLE)
                .where(where)
                .orderBy(oneService
                        ? List.of(Ratings.SERVICE.asc(), Ratings.RECEIVED_AT.asc(), Ratings.ID.asc())
                        : List.of(Ratings.RECEIVED_AT.asc(), Ratings.ID.asc()));
    }

    private static void writeRow(TableWriter table, Record r) throws IOException {
        // ids are UUIDs (ingest checks them), which no spreadsheet changes: plain text
        table.text(r.get(Ratings.ID))
                .instant(Instant.ofEpochMilli(r.get(Ratings.RECEIVED_AT)))
                .code(r.get(Ratings.SERVICE))
                .code(r.get(Ratings.LOCATION))
                .code(r.get(Ratings.SOURCE))
                .text(r.get(Ratings.SATISFACTION))
                .number(r.get(Ratings.CLARITY))
                .text(r.get(Ratings.HELP))
                .bool(r.get(Ratings.HELP_REACHED))
                .number(r.get(Ratings.HELP_QUALITY))
                .text(r.get(Ratings.COMMENT))
                .text(r.get(Ratings.FLAGS))
                .text(r.get(Ratings.PAGE))
                .text(r.get(Ratings.LANG));
        table.endRow();
    }
}
