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
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the ratings an {@link ExportQuery} selects as CSV, row by row from a database cursor. */
public final class RatingsExport {

    public static final List<String> COLUMNS = List.of("id", "received_at", "service", "location", "source",
            "satisfaction", "clarity", "help", "help_reached", "help_quality", "comment", "flags", "page", "lang");

    private static final List<Field<?>> FIELDS = List.of(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE,
            Ratings.LOCATION, Ratings.SOURCE, Ratings.SATISFACTION, Ratings.CLARITY, Ratings.HELP, Ratings.HELP_REACHED,
            Ratings.HELP_QUALITY, Ratings.COMMENT, Ratings.FLAGS, Ratings.PAGE, Ratings.LANG);

    /** Always three fraction digits, so every row has the same shape (Instant.toString drops zeros). */
    private static final DateTimeFormatter RECEIVED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Database database;

    public RatingsExport(Database database) {
        this.database = database;
    }

    /** Writes the query's ratings; {@code services} null means every service. */
    public void write(ExportQuery query, Set<String> services, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, query.variant());
        csv.row(COLUMNS.toArray(String[]::new));
        try {
            database.dialect().stream(database.dsl(), tx -> select(tx, query, services), row -> {
                try {
                    writeRow(csv, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
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

    private static void writeRow(CsvWriter csv, Record r) throws IOException {
        csv.cell(r.get(Ratings.ID))
                .cell(RECEIVED_AT.format(Instant.ofEpochMilli(r.get(Ratings.RECEIVED_AT))))
                .cell(r.get(Ratings.SERVICE))
                .cell(r.get(Ratings.LOCATION))
                .cell(r.get(Ratings.SOURCE))
                .cell(r.get(Ratings.SATISFACTION))
                .cell(r.get(Ratings.CLARITY))
                .cell(r.get(Ratings.HELP))
                .cell(r.get(Ratings.HELP_REACHED))
                .cell(r.get(Ratings.HELP_QUALITY))
                .cell(r.get(Ratings.COMMENT))
                .cell(r.get(Ratings.FLAGS))
                .cell(r.get(Ratings.PAGE))
                .cell(r.get(Ratings.LANG))
                .endRow();
    }
}
