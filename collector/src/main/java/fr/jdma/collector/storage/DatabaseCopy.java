package fr.jdma.collector.storage;

import fr.jdma.collector.storage.Schema.Declared;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Copies every table declared in {@link Schema} from one database to another (H2 or SQLite to
 * PostgreSQL, the day one machine is not enough), rows streamed and written in batches. It
 * refuses to start when the source holds a table or column that Schema does not declare (it
 * would be lost) or when the target already holds services or ratings.
 */
public final class DatabaseCopy {

    private static final int BATCH = 1000;
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");

    private final Database source;
    private final Database target;

    public DatabaseCopy(Database source, Database target) {
        this.source = source;
        this.target = target;
    }

    /** Copies the tables, parents before the tables that reference them; returns the rows copied per table. */
    public Map<String, Long> copy(BiConsumer<String, Long> progress) {
        List<Declared> tables = Schema.tables();
        refuseUndeclared(tables);
        refuseFilledTarget();
        Map<String, Long> copied = new LinkedHashMap<>();
        for (Declared table : parentsFirst(tables)) {
            long rows = copyTable(table);
            target.dialect().afterBulkCopy(target.dsl(), table);
            copied.put(table.name(), rows);
            progress.accept(table.name(), rows);
        }
        return copied;
    }

    /** Rows per declared table, for comparing the two sides after a copy. */
    public static Map<String, Integer> counts(Database database) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Declared table : Schema.tables()) counts.put(table.name(), database.dsl().fetchCount(table.table()));
        return counts;
    }

    private long copyTable(Declared table) {
        long[] rows = {0};
        target.dsl().transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            List<Record> batch = new ArrayList<>(BATCH);
            source.dialect().stream(source.dsl(), db -> db.select(table.fields()).from(table.table()), row -> {
                batch.add(row);
                if (batch.size() == BATCH) rows[0] += flush(tx, table, batch);
            });
            rows[0] += flush(tx, table, batch);
        });
        return rows[0];
    }

    private static int flush(DSLContext tx, Declared table, List<Record> batch) {
        if (batch.isEmpty()) return 0;
        // rows a migration seeds in every new database (reference data) are already there: kept
        tx.insertInto(table.table()).columns(table.fields()).valuesOfRecords(batch).onDuplicateKeyIgnore().execute();
        int size = batch.size();
        batch.clear();
        return size;
    }

    private void refuseFilledTarget() {
        for (var table : List.of(Schema.Services.TABLE, Schema.Ratings.TABLE)) {
            if (target.dsl().fetchExists(table)) {
                throw new IllegalStateException("the target database already holds " + table.getName()
                        + ": migrate copies into an empty database only (a new PostgreSQL database or schema)");
            }
        }
    }

    /** Every table and column of the source must be declared in Schema, or the copy would silently drop it. */
    private void refuseUndeclared(List<Declared> declared) {
        Map<String, Set<String>> declaredColumns = new LinkedHashMap<>();
        for (Declared table : declared) {
            Set<String> columns = new HashSet<>();
            table.fields().forEach(f -> columns.add(f.getName().toLowerCase(Locale.ROOT)));
            declaredColumns.put(table.name().toLowerCase(Locale.ROOT), columns);
        }
        Set<String> missing = new TreeSet<>();
        source.dsl().connection(connection -> {
            for (var entry : columnsOf(connection).entrySet()) {
                Set<String> known = declaredColumns.get(entry.getKey());
                if (known == null) {
                    missing.add("table " + entry.getKey());
                    continue;
                }
                for (String column : entry.getValue()) {
                    if (!known.contains(column)) missing.add("column " + entry.getKey() + "." + column);
                }
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the source database has " + String.join(", ", missing)
                    + " that storage/Schema does not declare: declare them there so that migrate copies them");
        }
    }

    private static Map<String, Set<String>> columnsOf(Connection connection) throws SQLException {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, "%", new String[]{"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(name) && !name.startsWith("sqlite_")) columns.put(name, new TreeSet<>());
            }
        }
        for (var entry : columns.entrySet()) {
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, entry.getKey(), "%")) {
                while (rs.next()) entry.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** Orders tables so that the target's foreign keys always find the row they reference. */
    private List<Declared> parentsFirst(List<Declared> tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        target.dsl().connection(connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            for (Declared table : tables) {
                Set<String> referenced = new HashSet<>();
                try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table.name())) {
                    while (keys.next()) referenced.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
                referenced.remove(table.name());
                parents.put(table.name(), referenced);
            }
        });
        List<Declared> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < tables.size()) {
            int before = ordered.size();
            for (Declared table : tables) {
                if (!placed.contains(table.name()) && placed.containsAll(parents.get(table.name()).stream()
                        .filter(parents::containsKey).toList())) {
                    ordered.add(table);
                    placed.add(table.name());
                }
            }
            if (ordered.size() == before) throw new IllegalStateException("circular foreign keys among " + parents);
        }
        return ordered;
    }
}
