package fr.jdma.collector.storage;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static org.jooq.impl.DSL.name;

/**
 * Typed jOOQ handles on the tables the Flyway scripts create (db/migration is the single
 * source of truth). Declared by hand rather than generated: generation would parse the
 * scripts with one dialect while we run three, for a handful of small tables; DatabasesTest
 * selects every field declared here from each real database, and MigrateIT checks that every
 * table the scripts create is declared.
 */
public final class Schema {

    private Schema() {
    }

    /** A declared table with its declared columns. */
    public record Declared(Table<Record> table, java.util.List<Field<?>> fields) {
        public String name() {
            return table.getName();
        }
    }

    /**
     * Every table declared below (each nested class with a TABLE), found by reflection: a table
     * added here is copied by {@code migrate} without a second list to keep up to date.
     */
    @SuppressWarnings("unchecked")
    public static java.util.List<Declared> tables() {
        java.util.List<Declared> tables = new java.util.ArrayList<>();
        for (Class<?> declaration : Schema.class.getDeclaredClasses()) {
            try {
                Table<Record> table = (Table<Record>) declaration.getField("TABLE").get(null);
                // Single columns, and lists of them (the rollup tables' counters), each column once.
                java.util.Map<String, Field<?>> fields = new java.util.LinkedHashMap<>();
                for (java.lang.reflect.Field constant : declaration.getFields()) {
                    Object value = constant.get(null);
                    if (value instanceof Field<?> field) fields.putIfAbsent(field.getName(), field);
                    if (value instanceof java.util.List<?> list) {
                        for (Object item : list) if (item instanceof Field<?> field) fields.putIfAbsent(field.getName(), field);
                    }
                }
                tables.add(new Declared(table, java.util.List.copyOf(fields.values())));
            } catch (NoSuchFieldException notATable) {
                // a nested helper type, not a table
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        tables.sort(java.util.Comparator.comparing(Declared::name));
        return java.util.List.copyOf(tables);
    }

    public static final class Services {
        public static final Table<Record> TABLE = DSL.table(name("services"));
        public static final Field<String> ID = DSL.field(name("services", "id"), SQLDataType.VARCHAR(64));
        public static final Field<String> NAME = DSL.field(name("services", "name"), SQLDataType.VARCHAR(200));
        public static final Field<String> ORGANISATION = DSL.field(name("services", "organisation"), SQLDataType.VARCHAR(200));
        public static final Field<String> ALLOWED_ORIGINS = DSL.field(name("services", "allowed_origins"), SQLDataType.VARCHAR(8000));
        public static final Field<Boolean> PUBLIC_RESULTS = DSL.field(name("services", "public_results"), SQLDataType.BOOLEAN);
        public static final Field<String> HIDDEN_QUESTIONS = DSL.field(name("services", "hidden_questions"), SQLDataType.VARCHAR(200));
        public static final Field<Boolean> ENABLED = DSL.field(name("services", "enabled"), SQLDataType.BOOLEAN);
        public static final Field<Long> CREATED_AT = DSL.field(name("services", "created_at"), SQLDataType.BIGINT);
        public static final Field<Long> UPDATED_AT = DSL.field(name("services", "updated_at"), SQLDataType.BIGINT);
    }

    /** The names a service gives its own location codes (V6). */
    public static final class LocationNames {
        public static final Table<Record> TABLE = DSL.table(name("location_names"));
        public static final Field<String> SERVICE = DSL.field(name("location_names", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> LOCATION = DSL.field(name("location_names", "location"), SQLDataType.VARCHAR(64));
        public static final Field<String> NAME = DSL.field(name("location_names", "name"), SQLDataType.VARCHAR(200));
    }

    public static final class Ratings {
        public static final Table<Record> TABLE = DSL.table(name("ratings"));
        public static final Field<String> ID = DSL.field(name("ratings", "id"), SQLDataType.VARCHAR(36));
        public static final Field<Long> RECEIVED_AT = DSL.field(name("ratings", "received_at"), SQLDataType.BIGINT);
        public static final Field<String> SERVICE = DSL.field(name("ratings", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> LOCATION = DSL.field(name("ratings", "location"), SQLDataType.VARCHAR(64));
        public static final Field<String> SOURCE = DSL.field(name("ratings", "source"), SQLDataType.VARCHAR(32));
        public static final Field<String> SATISFACTION = DSL.field(name("ratings", "satisfaction"), SQLDataType.VARCHAR(8));
        public static final Field<Short> CLARITY = DSL.field(name("ratings", "clarity"), SQLDataType.SMALLINT);
        public static final Field<String> HELP = DSL.field(name("ratings", "help"), SQLDataType.VARCHAR(100));
        public static final Field<Boolean> HELP_REACHED = DSL.field(name("ratings", "help_reached"), SQLDataType.BOOLEAN);
        public static final Field<Short> HELP_QUALITY = DSL.field(name("ratings", "help_quality"), SQLDataType.SMALLINT);
        public static final Field<String> COMMENT = DSL.field(name("ratings", "comment"), SQLDataType.VARCHAR(8000));
        public static final Field<String> FLAGS = DSL.field(name("ratings", "flags"), SQLDataType.VARCHAR(200));
        public static final Field<String> PAGE = DSL.field(name("ratings", "page"), SQLDataType.VARCHAR(2000));
        public static final Field<String> LANG = DSL.field(name("ratings", "lang"), SQLDataType.VARCHAR(8));
        /** When the rating was completed by a second POST of its id (V7); null until then. */
        public static final Field<Long> COMPLETED_AT = DSL.field(name("ratings", "completed_at"), SQLDataType.BIGINT);
        public static final Field<Long> REVIEWED_AT = DSL.field(name("ratings", "reviewed_at"), SQLDataType.BIGINT);

        /** Ratings carrying at least one of the flags (names checked by the caller; the column joins them with '|'). */
        public static org.jooq.Condition hasAnyFlag(java.util.Collection<String> flags) {
            Field<String> bounded = DSL.inline("|").concat(FLAGS).concat(DSL.inline("|"));
            return DSL.or(flags.stream().map(flag -> bounded.like("%|" + flag + "|%")).toList());
        }
    }

    public static final class ModerationAudit {
        public static final Table<Record> TABLE = DSL.table(name("moderation_audit"));
        public static final Field<String> ID = DSL.field(name("moderation_audit", "id"), SQLDataType.VARCHAR(36));
        public static final Field<Long> AT = DSL.field(name("moderation_audit", "acted_at"), SQLDataType.BIGINT);
        public static final Field<String> ACTOR = DSL.field(name("moderation_audit", "actor"), SQLDataType.VARCHAR(200));
        public static final Field<String> ACTION = DSL.field(name("moderation_audit", "action"), SQLDataType.VARCHAR(16));
        public static final Field<String> RATING_ID = DSL.field(name("moderation_audit", "rating_id"), SQLDataType.VARCHAR(36));
        public static final Field<String> SERVICE = DSL.field(name("moderation_audit", "service"), SQLDataType.VARCHAR(64));
    }

    public static final class DailyRollups {
        public static final Table<Record> TABLE = DSL.table(name("daily_rollups"));
        public static final Field<String> SERVICE = DSL.field(name("daily_rollups", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> LOCATION = DSL.field(name("daily_rollups", "location"), SQLDataType.VARCHAR(64));
        public static final Field<Integer> DAY = DSL.field(name("daily_rollups", "epoch_day"), SQLDataType.INTEGER);
        public static final Field<Long> ANSWERS = DSL.field(name("daily_rollups", "answers"), SQLDataType.BIGINT);
        public static final Field<Long> GOOD = DSL.field(name("daily_rollups", "good"), SQLDataType.BIGINT);
        public static final Field<Long> AVERAGE = DSL.field(name("daily_rollups", "average"), SQLDataType.BIGINT);
        public static final Field<Long> BAD = DSL.field(name("daily_rollups", "bad"), SQLDataType.BIGINT);
        public static final Field<Long> CLARITY_ANSWERS = DSL.field(name("daily_rollups", "clarity_answers"), SQLDataType.BIGINT);
        public static final Field<Long> CLARITY_POINTS = DSL.field(name("daily_rollups", "clarity_points"), SQLDataType.BIGINT);
        public static final Field<Long> HELP_ANSWERS = DSL.field(name("daily_rollups", "help_answers"), SQLDataType.BIGINT);
        public static final Field<Long> HELP_NONE = DSL.field(name("daily_rollups", "help_none"), SQLDataType.BIGINT);
        public static final Field<Long> REACHED_ANSWERS = DSL.field(name("daily_rollups", "reached_answers"), SQLDataType.BIGINT);
        public static final Field<Long> REACHED_YES = DSL.field(name("daily_rollups", "reached_yes"), SQLDataType.BIGINT);
        public static final Field<Long> QUALITY_ANSWERS = DSL.field(name("daily_rollups", "quality_answers"), SQLDataType.BIGINT);
        public static final Field<Long> QUALITY_POINTS = DSL.field(name("daily_rollups", "quality_points"), SQLDataType.BIGINT);

        /** The counters, in the order a rollup row adds them up. */
        public static final java.util.List<Field<Long>> COUNTERS = java.util.List.of(
                ANSWERS, GOOD, AVERAGE, BAD, CLARITY_ANSWERS, CLARITY_POINTS, HELP_ANSWERS, HELP_NONE,
                REACHED_ANSWERS, REACHED_YES, QUALITY_ANSWERS, QUALITY_POINTS);
    }

    /**
     * Daily rollups summed per service x location x UTC month (V8), written with them: a month of
     * a place is one row. {@code first_day}/{@code last_day}: the month's first and last day that
     * has a daily row, for periods with an open end.
     */
    public static final class MonthlyRollups {
        public static final Table<Record> TABLE = DSL.table(name("monthly_rollups"));
        public static final Field<String> SERVICE = DSL.field(name("monthly_rollups", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> LOCATION = DSL.field(name("monthly_rollups", "location"), SQLDataType.VARCHAR(64));
        /** Epoch day of the month's first day. */
        public static final Field<Integer> MONTH = DSL.field(name("monthly_rollups", "month_start"), SQLDataType.INTEGER);
        public static final Field<Integer> FIRST_DAY = DSL.field(name("monthly_rollups", "first_day"), SQLDataType.INTEGER);
        public static final Field<Integer> LAST_DAY = DSL.field(name("monthly_rollups", "last_day"), SQLDataType.INTEGER);
        public static final java.util.List<Field<Long>> COUNTERS = counters("monthly_rollups");
    }

    /**
     * Daily rollups summed per service and location over all time (V12): per location without a period, one row each.
     * first_day and last_day are the location's first and last day that has a daily row.
     */
    public static final class LocationRollups {
        public static final Table<Record> TABLE = DSL.table(name("location_rollups"));
        public static final Field<String> SERVICE = DSL.field(name("location_rollups", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> LOCATION = DSL.field(name("location_rollups", "location"), SQLDataType.VARCHAR(64));
        public static final Field<Integer> FIRST_DAY = DSL.field(name("location_rollups", "first_day"), SQLDataType.INTEGER);
        public static final Field<Integer> LAST_DAY = DSL.field(name("location_rollups", "last_day"), SQLDataType.INTEGER);
        public static final java.util.List<Field<Long>> COUNTERS = counters("location_rollups");
    }

    /** Daily rollups summed over every location of a service (V8): the service-wide trend, one row per day. */
    public static final class ServiceDailyRollups {
        public static final Table<Record> TABLE = DSL.table(name("service_daily_rollups"));
        public static final Field<String> SERVICE = DSL.field(name("service_daily_rollups", "service"), SQLDataType.VARCHAR(64));
        public static final Field<Integer> DAY = DSL.field(name("service_daily_rollups", "epoch_day"), SQLDataType.INTEGER);
        public static final java.util.List<Field<Long>> COUNTERS = counters("service_daily_rollups");
    }

    /**
     * A counter per service raised with every write to its rollups (V11), in the same transaction:
     * what computed indicators are checked against before they are served again.
     */
    public static final class RollupVersions {
        public static final Table<Record> TABLE = DSL.table(name("rollup_versions"));
        public static final Field<String> SERVICE = DSL.field(name("rollup_versions", "service"), SQLDataType.VARCHAR(64));
        public static final Field<Long> VERSION = DSL.field(name("rollup_versions", "version"), SQLDataType.BIGINT);
    }

    /** The counter columns of a rollup table, in the order of {@link DailyRollups#COUNTERS}. */
    private static java.util.List<Field<Long>> counters(String table) {
        return DailyRollups.COUNTERS.stream()
                .map(counter -> DSL.field(name(table, counter.getName()), SQLDataType.BIGINT))
                .toList();
    }

    public static final class ApiTokens {
        public static final Table<Record> TABLE = DSL.table(name("api_tokens"));
        public static final Field<String> ID = DSL.field(name("api_tokens", "id"), SQLDataType.VARCHAR(36));
        public static final Field<String> NAME = DSL.field(name("api_tokens", "name"), SQLDataType.VARCHAR(200));
        public static final Field<String> TOKEN_HASH = DSL.field(name("api_tokens", "token_hash"), SQLDataType.VARCHAR(64));
        public static final Field<String> SERVICES = DSL.field(name("api_tokens", "services"), SQLDataType.VARCHAR(8000));
        public static final Field<Long> CREATED_AT = DSL.field(name("api_tokens", "created_at"), SQLDataType.BIGINT);
        public static final Field<Long> REVOKED_AT = DSL.field(name("api_tokens", "revoked_at"), SQLDataType.BIGINT);
        public static final Field<String> ROLE = DSL.field(name("api_tokens", "role"), SQLDataType.VARCHAR(16));
    }

    public static final class StaffSessions {
        public static final Table<Record> TABLE = DSL.table(name("staff_sessions"));
        public static final Field<String> ID_HASH = DSL.field(name("staff_sessions", "id_hash"), SQLDataType.VARCHAR(64));
        public static final Field<String> SUBJECT = DSL.field(name("staff_sessions", "subject"), SQLDataType.VARCHAR(80));
        public static final Field<Long> CREATED_AT = DSL.field(name("staff_sessions", "created_at"), SQLDataType.BIGINT);
        public static final Field<Long> LAST_SEEN_AT = DSL.field(name("staff_sessions", "last_seen_at"), SQLDataType.BIGINT);
    }

    public static final class RefusedOrigins {
        public static final Table<Record> TABLE = DSL.table(name("refused_origins"));
        public static final Field<String> SERVICE = DSL.field(name("refused_origins", "service"), SQLDataType.VARCHAR(64));
        public static final Field<String> ORIGIN = DSL.field(name("refused_origins", "origin"), SQLDataType.VARCHAR(200));
        public static final Field<Long> COUNT = DSL.field(name("refused_origins", "refused_count"), SQLDataType.BIGINT);
        public static final Field<Long> LAST_SEEN_AT = DSL.field(name("refused_origins", "last_seen_at"), SQLDataType.BIGINT);
    }

    public static final class Settings {
        public static final Table<Record> TABLE = DSL.table(name("settings"));
        public static final Field<String> NAME = DSL.field(name("settings", "name"), SQLDataType.VARCHAR(64));
        public static final Field<String> VALUE = DSL.field(name("settings", "setting_value"), SQLDataType.VARCHAR(400));
    }

    public static final class HealthProbe {
        public static final Table<Record> TABLE = DSL.table(name("health_probe"));
        public static final Field<Integer> ID = DSL.field(name("health_probe", "id"), SQLDataType.INTEGER);
        public static final Field<Long> CHECKED_AT = DSL.field(name("health_probe", "checked_at"), SQLDataType.BIGINT);
    }
}
