package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Fills monthly_rollups (created by V8) from the daily rows already stored. In Java because the
 * month of an epoch day has no portable SQL spelling across H2, SQLite and PostgreSQL. Daily rows
 * are read in key order and summed per month as they pass, so memory stays constant.
 */
public class V8_1__Monthly_rollups_backfill extends BaseJavaMigration {

    private static final String COUNTERS = "answers, good, average, bad, clarity_answers, clarity_points, "
            + "help_answers, help_none, reached_answers, reached_yes, quality_answers, quality_points";
    private static final int COUNTER_COUNT = 12;
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO monthly_rollups (service, location, month_start, "
                     + "first_day, last_day, " + COUNTERS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setFetchSize(BATCH); // PostgreSQL streams (Flyway runs the migration outside autocommit)
            try (ResultSet rows = read.executeQuery("SELECT service, location, epoch_day, " + COUNTERS
                    + " FROM daily_rollups ORDER BY service, location, epoch_day")) {
                Month month = null;
                int pending = 0;
                while (rows.next()) {
                    String service = rows.getString(1);
                    String location = rows.getString(2);
                    int day = rows.getInt(3);
                    int start = (int) LocalDate.ofEpochDay(day).withDayOfMonth(1).toEpochDay();
                    if (month == null || !month.is(service, location, start)) {
                        if (month != null) {
                            month.addTo(insert);
                            if (++pending == BATCH) {
                                insert.executeBatch();
                                pending = 0;
                            }
                        }
                        month = new Month(service, location, start, day);
                    }
                    month.lastDay = day;
                    for (int i = 0; i < COUNTER_COUNT; i++) month.counts[i] += rows.getLong(4 + i);
                }
                if (month != null) {
                    month.addTo(insert);
                    pending++;
                }
                if (pending > 0) insert.executeBatch();
            }
        }
    }

    /** The month being summed: days arrive in order, so the first seen is its first day. */
    private static final class Month {
        final String service;
        final String location;
        final int start;
        final int firstDay;
        int lastDay;
        final long[] counts = new long[COUNTER_COUNT];

        Month(String service, String location, int start, int firstDay) {
            this.service = service;
            this.location = location;
            this.start = start;
            this.firstDay = firstDay;
        }

        boolean is(String service, String location, int start) {
            return this.start == start && Objects.equals(this.service, service) && Objects.equals(this.location, location);
        }

        void addTo(PreparedStatement insert) throws java.sql.SQLException {
            insert.setString(1, service);
            insert.setString(2, location);
            insert.setInt(3, start);
            insert.setInt(4, firstDay);
            insert.setInt(5, lastDay);
            for (int i = 0; i < COUNTER_COUNT; i++) insert.setLong(6 + i, counts[i]);
            insert.addBatch();
        }
    }
}
