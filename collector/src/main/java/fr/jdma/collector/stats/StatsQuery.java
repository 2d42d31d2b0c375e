package fr.jdma.collector.stats;

import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.input.QueryParams;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an analyst asks of GET /api/v1/stats: one service or all, maybe one location (or "*", every
 * location together), a period, a grouping, and maybe a geographic level. Without a level, groups
 * are the locations as ratings carry them; with one, the communes' answers are summed per commune,
 * département, région or nation, and {@code location} names a place of that level (75056, 75, 11,
 * or "" for the nation).
 */
public record StatsQuery(String service, String location, Period period, Grouping by, GeoLevel level) {

    /** How days are grouped: per location over the whole period, or per location and day, ISO week or month. */
    public enum Grouping {
        LOCATION, DAY, WEEK, MONTH;

        /** The period label of a day: 2026-03-01, 2026-W09, 2026-03 (null for LOCATION, labelled by range). */
        String label(LocalDate day) {
            return switch (this) {
                case LOCATION -> null;
                case DAY -> day.toString();
                case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> YearMonth.from(day).toString();
            };
        }
    }

    /** Per location as ratings carry it, no geographic level. */
    public StatsQuery(String service, String location, Period period, Grouping by) {
        this(service, location, period, by, null);
    }

    public StatsQuery forService(String id) {
        return new StatsQuery(id, location, period, by, level);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values != null && values.size() == 1 ? values.get(0).strip() : null;
    }

    public static StatsQuery parse(Map<String, List<String>> params) {
        QueryParams query = new QueryParams(params);
        String service = query.optional("service", Codes.CODE);
        // "*": every location together, the service-wide trend (one group per period, location "*")
        String location = RollupReader.ALL_LOCATIONS.equals(single(params, "location")) ? RollupReader.ALL_LOCATIONS
                : query.optional("location", Codes.CODE);
        Period period = query.period();
        String by = query.choice("by", List.of("location", "day", "week", "month"), "location");
        String level = query.choice("level", GeoLevel.words(), null);
        if (level != null && RollupReader.ALL_LOCATIONS.equals(location)) {
            query.reject("location", "'*' (every location together) cannot be combined with level; level=national sums every location");
        }
        query.check();
        return new StatsQuery(service, location, period, Grouping.valueOf(by.toUpperCase(Locale.ROOT)),
                level == null ? null : GeoLevel.of(level));
    }
}
