import fr.jdma.collector.stats.Rollups;
import fr.jdma.collector.storage.Database;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;

/**
 * Checks a database made by bench/Generate.java against what ingest and the migrations would have made:
 * java -cp collector/target/jdma-collector.jar bench/CheckGenerated.java URL [REFERENCE_URL]
 * <ul>
 * <li>the daily rollups equal a recount of the ratings per service, location and UTC day, row for row;
 * the monthly and service-wide rollups equal the sums of the daily rows; every service has a rollup version;</li>
 * <li>tables, columns, primary keys, indexes (names, columns, uniqueness) and Flyway's history equal those of
 * a freshly migrated database: REFERENCE_URL, by default an in-memory H2 or a temporary SQLite file
 * (PostgreSQL: give an empty schema).</li>
 * </ul>
 * Prints what differs and exits 1, or prints "OK" and a summary.
 */
public class CheckGenerated {
    static final String COUNTERS = "answers, good, average, bad, clarity_answers, clarity_points, help_answers, help_none, "
            + "reached_answers, reached_yes, quality_answers, quality_points";
    static int differences;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String reference = args.length > 1 ? args[1] : url.startsWith("jdbc:h2:") ? "jdbc:h2:mem:reference;DB_CLOSE_DELAY=-1"
                : url.startsWith("jdbc:sqlite:") ? "jdbc:sqlite:" + Files.createTempDirectory("reference").resolve("jdma.sqlite")
                : null;
        if (reference == null) throw new IllegalArgumentException("give the URL of an empty PostgreSQL schema to migrate as the reference");
        String schema;
        try (Database migrated = Database.open(reference, "", "")) {
            schema = migrated.dsl().connectionResult(CheckGenerated::describe);
        }
        try (Connection connection = DriverManager.getConnection(url.startsWith("jdbc:h2:") ? url + ";DATABASE_TO_LOWER=TRUE" : url)) {
            String generated = describe(connection);
            if (!generated.equals(schema)) {
                differ("schema", "migrated:\n" + schema + "\ngenerated:\n" + generated);
            }
            long days = checkDaily(connection);
            long months = checkMonthly(connection);
            long serviceDays = checkServiceDaily(connection);
            long locations = checkLocations(connection);
            checkVersions(connection);
            if (differences > 0) {
                System.out.println(differences + " differences");
                System.exit(1);
            }
            System.out.printf("OK: %d daily, %d monthly, %d service-wide and %d all-time rollup rows equal the recount; schema and Flyway history equal a migrated database's%n",
                    days, months, serviceDays, locations);
        }
    }

    /**
     * Daily rollups against a recount of the ratings in plain Java (written apart from Rollups.countsOf, and
     * quicker than a GROUP BY of millions of rows in H2), both in key order.
     */
    static long checkDaily(Connection connection) throws SQLException {
        Map<List<Object>, long[]> recount = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery("SELECT service, location, received_at, satisfaction, clarity, help,"
                    + " help_reached, help_quality, flags FROM ratings")) {
                while (rows.next()) {
                    String flags = rows.getString(9);
                    if (flags != null && List.of(flags.split("\\|")).contains("duplicate")) continue;
                    List<String> help = rows.getString(6) == null ? List.of() : List.of(rows.getString(6).split("\\|"));
                    boolean tried = help.contains("counter") || help.contains("phone") || help.contains("email");
                    String satisfaction = rows.getString(4);
                    Integer clarity = rows.getInt(5);
                    if (rows.wasNull()) clarity = null;
                    Boolean reached = rows.getBoolean(7);
                    if (rows.wasNull()) reached = null;
                    Integer quality = rows.getInt(8);
                    if (rows.wasNull()) quality = null;
                    long[] one = {1, satisfaction.equals("good") ? 1 : 0, satisfaction.equals("average") ? 1 : 0,
                            satisfaction.equals("bad") ? 1 : 0, clarity == null ? 0 : 1, clarity == null ? 0 : clarity - 1,
                            help.isEmpty() ? 0 : 1, help.contains("none") ? 1 : 0, tried && reached != null ? 1 : 0,
                            tried && Boolean.TRUE.equals(reached) ? 1 : 0, tried && quality != null ? 1 : 0,
                            tried && quality != null ? quality - 1 : 0};
                    long[] sum = recount.computeIfAbsent(List.of(rows.getString(1), rows.getString(2),
                            Math.floorDiv(rows.getLong(3), 86_400_000L)), k -> new long[12]);
                    for (int i = 0; i < 12; i++) sum[i] += one[i];
                }
            }
        }
        Map<List<Object>, long[]> stored = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery("SELECT service, location, epoch_day, " + COUNTERS + " FROM daily_rollups")) {
                while (rows.next()) {
                    long[] values = new long[12];
                    for (int i = 0; i < 12; i++) values[i] = rows.getLong(4 + i);
                    stored.put(List.of(rows.getString(1), rows.getString(2), rows.getLong(3)), values);
                }
            }
        }
        compareMaps("daily_rollups", recount, stored);
        return stored.size();
    }

    /** Monthly rollups against the sums of the daily rows (the month of an epoch day has no portable SQL). */
    static long checkMonthly(Connection connection) throws SQLException {
        Map<List<Object>, long[]> sums = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT service, location, epoch_day, " + COUNTERS + " FROM daily_rollups")) {
            while (rows.next()) {
                int day = rows.getInt(3);
                long[] sum = sums.computeIfAbsent(List.of(rows.getString(1), rows.getString(2), (long) Rollups.monthOf(day)),
                        k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
                sum[0] = Math.min(sum[0], day);
                sum[1] = Math.max(sum[1], day);
                for (int i = 0; i < 12; i++) sum[2 + i] += rows.getLong(4 + i);
            }
        }
        Map<List<Object>, long[]> monthly = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT service, location, month_start, first_day, last_day, " + COUNTERS + " FROM monthly_rollups")) {
            while (rows.next()) {
                long[] values = new long[14];
                for (int i = 0; i < 14; i++) values[i] = rows.getLong(4 + i);
                monthly.put(List.of(rows.getString(1), rows.getString(2), rows.getLong(3)), values);
            }
        }
        compareMaps("monthly_rollups", sums, monthly);
        return monthly.size();
    }

    static long checkServiceDaily(Connection connection) throws SQLException {
        String sums = "SELECT service, epoch_day, " + Arrays.stream(COUNTERS.split(", ")).map(c -> "SUM(" + c + ")").reduce((a, b) -> a + ", " + b).orElseThrow()
                + " FROM daily_rollups GROUP BY service, epoch_day ORDER BY service, epoch_day";
        String stored = "SELECT service, epoch_day, " + COUNTERS + " FROM service_daily_rollups ORDER BY service, epoch_day";
        return compare(connection, "service_daily_rollups", sums, stored, 2);
    }

    static long checkLocations(Connection connection) throws SQLException {
        String sums = "SELECT service, location, MIN(epoch_day), MAX(epoch_day), "
                + Arrays.stream(COUNTERS.split(", ")).map(c -> "SUM(" + c + ")").reduce((a, b) -> a + ", " + b).orElseThrow()
                + " FROM daily_rollups GROUP BY service, location ORDER BY service, location";
        String stored = "SELECT service, location, first_day, last_day, " + COUNTERS + " FROM location_rollups ORDER BY service, location";
        return compare(connection, "location_rollups", sums, stored, 2);
    }

    static void checkVersions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT d.service FROM service_daily_rollups d"
                     + " LEFT JOIN rollup_versions v ON v.service = d.service WHERE v.version IS NULL OR v.version < 1")) {
            while (rows.next()) differ("rollup_versions", "no version for " + rows.getString(1));
        }
    }

    /** Two queries giving keys (the first columns) and counters, in the same key order, compared row by row. */
    static long compare(Connection connection, String table, String expectedQuery, String actualQuery, int keys) throws SQLException {
        try (Statement a = connection.createStatement(); Statement b = connection.createStatement()) {
            a.setFetchSize(10_000);
            b.setFetchSize(10_000);
            try (ResultSet expected = a.executeQuery(expectedQuery); ResultSet actual = b.executeQuery(actualQuery)) {
                long rows = 0;
                while (true) {
                    boolean e = expected.next(), s = actual.next();
                    if (!e && !s) return rows;
                    if (e != s) {
                        differ(table, (e ? "missing rows from " : "extra rows from ") + row(e ? expected : actual, keys));
                        return rows;
                    }
                    rows++;
                    List<Object> left = row(expected, keys), right = row(actual, keys);
                    if (!left.equals(right)) {
                        differ(table, "recount " + left + " stored " + right);
                        if (differences > 20) return rows;
                    }
                }
            }
        }
    }

    static List<Object> row(ResultSet rows, int keys) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= keys + 12; i++) values.add(i <= keys && rows.getObject(i) instanceof String s ? s : (Object) rows.getLong(i));
        return values;
    }

    static void compareMaps(String table, Map<List<Object>, long[]> expected, Map<List<Object>, long[]> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            differ(table, expected.size() + " rows expected, " + actual.size() + " stored; expected, not stored: "
                    + expected.keySet().stream().filter(k -> !actual.containsKey(k)).limit(5).toList() + "; stored, not expected: "
                    + actual.keySet().stream().filter(k -> !expected.containsKey(k)).limit(5).toList());
        }
        for (var entry : expected.entrySet()) {
            long[] stored = actual.get(entry.getKey());
            if (stored != null && !Arrays.equals(stored, entry.getValue())) {
                differ(table, entry.getKey() + ": sums " + Arrays.toString(entry.getValue()) + " stored " + Arrays.toString(stored));
                if (differences > 20) return;
            }
        }
    }

    static void differ(String what, String detail) {
        differences++;
        System.out.println(what + ": " + detail);
    }

    /** Tables, columns, primary keys, indexes and Flyway's history, as text (JDBC metadata: any of the three). */
    static String describe(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) tables.add(rows.getString("TABLE_NAME"));
        }
        tables.sort(null);
        for (String table : tables) {
            out.append("table ").append(table).append('\n');
            try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
                while (rows.next()) {
                    out.append("  column ").append(rows.getString("COLUMN_NAME")).append(' ').append(rows.getString("TYPE_NAME"))
                            .append('(').append(rows.getInt("COLUMN_SIZE")).append(") nullable=").append(rows.getString("IS_NULLABLE"))
                            .append(" default=").append(rows.getString("COLUMN_DEF")).append('\n');
                }
            }
            try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
                while (rows.next()) {
                    out.append("  primary key ").append(rows.getString("PK_NAME")).append(' ').append(rows.getString("COLUMN_NAME"))
                            .append(' ').append(rows.getShort("KEY_SEQ")).append('\n');
                }
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") == null) continue;
                    indexes.add("  index " + rows.getString("INDEX_NAME") + " unique=" + !rows.getBoolean("NON_UNIQUE") + " "
                            + rows.getShort("ORDINAL_POSITION") + " " + rows.getString("COLUMN_NAME") + " " + rows.getString("ASC_OR_DESC"));
                }
            }
            indexes.sort(null);
            indexes.forEach(line -> out.append(line).append('\n'));
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT installed_rank, version, description, type, script, checksum, success"
                     + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rows.next()) {
                out.append("flyway ").append(rows.getInt(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3))
                        .append(' ').append(rows.getString(4)).append(' ').append(rows.getString(5)).append(' ')
                        .append(Objects.toString(rows.getObject(6))).append(' ').append(rows.getBoolean(7)).append('\n');
            }
        }
        return out.toString();
    }
}
