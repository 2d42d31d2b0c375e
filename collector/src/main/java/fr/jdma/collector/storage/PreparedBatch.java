package fr.jdma.collector.storage;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement run for many rows: written by jOOQ once, for its dialect (H2's MERGE, the ON CONFLICT of SQLite and
 * PostgreSQL), then bound row by row with plain JDBC. jOOQ's own batch renders the statement again for every
 * batch and binds each value through its bindings: a fifth of the group-commit writer's time under load
 * (docs/benchmarks.md). A row is the values of the columns, in their order.
 */
public final class PreparedBatch {

    private static final String PREFIX = "jdma_column_";
    private static final Pattern MARKER = Pattern.compile(":" + PREFIX + "(\\d+)\\b");
    /** How jOOQ writes a value that is not one of the columns' parameters. */
    private static final Pattern UNNAMED = Pattern.compile(":\\d");

    private final String sql;
    /** For each {@code ?} of the SQL, the index in a row of the value bound there (a value may be bound twice). */
    private final int[] valueAt;
    /** The JDBC type of each column, for its nulls. */
    private final int[] types;

    private PreparedBatch(String sql, int[] valueAt, int[] types) {
        this.sql = sql;
        this.valueAt = valueAt;
        this.types = types;
    }

    /**
     * The statement {@code query} makes of one parameter per column (in the columns' order), as {@code dsl}'s
     * dialect and settings write it.
     */
    public static PreparedBatch of(DSLContext dsl, List<? extends Field<?>> columns, Function<List<Field<?>>, Query> query) {
        List<Field<?>> parameters = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) parameters.add(DSL.param(PREFIX + i, columns.get(i)));
        String named = dsl.renderNamedParams(query.apply(parameters));
        Matcher marker = MARKER.matcher(named);
        StringBuilder sql = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        while (marker.find()) {
            order.add(Integer.parseInt(marker.group(1)));
            marker.appendReplacement(sql, "?");
        }
        marker.appendTail(sql);
        // every value is one of the columns', each column is bound somewhere
        if (UNNAMED.matcher(sql).find() || order.stream().distinct().count() != columns.size()) {
            throw new IllegalStateException("the statement does not bind exactly its columns: " + named);
        }
        return new PreparedBatch(sql.toString(), order.stream().mapToInt(Integer::intValue).toArray(),
                columns.stream().mapToInt(c -> c.getDataType().getSQLType()).toArray());
    }

    /** Runs the statement once per row in the caller's transaction; the update count of each row. */
    public int[] execute(DSLContext tx, Collection<Object[]> rows) {
        if (rows.isEmpty()) return new int[0];
        return tx.connectionResult(connection -> execute(connection, rows));
    }

    /** Runs the statement once per row on {@code connection} (its transaction); the update count of each row. */
    public int[] execute(Connection connection, Collection<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return new int[0];
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                if (row.length != types.length) {
                    throw new IllegalArgumentException(row.length + " values for " + types.length + " columns");
                }
                for (int i = 0; i < valueAt.length; i++) {
                    Object value = row[valueAt[i]];
                    if (value == null) statement.setNull(i + 1, types[valueAt[i]]);
                    else statement.setObject(i + 1, value);
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** The SQL as sent to the database (its {@code ?} markers in place of the values). */
    public String sql() {
        return sql;
    }
}
