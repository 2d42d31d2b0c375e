package fr.jdma.collector.stats;

import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Computes the official indicators of a service from its rollups (daily, monthly, service-wide:
 * {@link RollupReader} picks the fewest rows that answer), per location as ratings carry it, or per
 * place of a geographic level (the communes' answers summed per commune, département, région or
 * nation). Every group's indicators come from {@link Indicators#of}.
 */
public final class Statistics {

    private record GroupKey(String location, String period) {
    }

    private final RollupReader rollups;
    private final Geography geography;

    public Statistics(RollupReader rollups, Geography geography) {
        this.rollups = rollups;
        this.geography = geography;
    }

    public Statistics(RollupReader rollups) {
        this(rollups, Geography.official());
    }

    /** The service as a whole (every location, or the one given) over the period: one group, labelled like the period. */
    public Indicators overall(String service, String location, fr.jdma.collector.input.Period period) {
        Counts sum = Counts.ZERO;
        for (RollupReader.Total total : rollups.totals(service, location, period)) sum = sum.plus(total.counts());
        return Indicators.of(service, location == null ? "" : location, period.from() + "/" + period.to(), sum);
    }

    /**
     * One group per location or place (by location: over the query's period, labelled "from/to",
     * the data's first or last day standing in for an open end), or per location or place and day,
     * week or month. Ordered by location or place code, then period.
     */
    public List<Indicators> indicators(StatsQuery query) {
        List<Indicators> groups = new ArrayList<>();
        indicators(query, groups::add);
        return groups;
    }

    /**
     * The same groups handed over one by one as they are complete. Per location, memory stays flat
     * however many groups there are; per place of a level, the places are summed first.
     */
    public void indicators(StatsQuery query, Consumer<Indicators> each) {
        if (query.level() != null) {
            byLevel(query, each);
        } else if (query.by() == StatsQuery.Grouping.LOCATION) {
            for (RollupReader.Total total : rollups.totals(query.service(), query.location(), query.period())) {
                each.accept(Indicators.of(query.service(), total.location(), range(query, total.firstDay(), total.lastDay()), total.counts()));
            }
        } else {
            // Rows arrive ordered by location then day, so a group's rows are consecutive: it is
            // complete, and handed over, when the next row belongs to another group.
            GroupSum group = new GroupSum(query.service(), each);
            rollups.days(query.service(), query.location(), query.period(), query.by(),
                    day -> group.add(day.location(), query.by().label(LocalDate.ofEpochDay(day.epochDay())), day.counts()));
            group.flush();
        }
    }

    /** The group being summed from consecutive rows. */
    private static final class GroupSum {
        private final String service;
        private final Consumer<Indicators> each;
        private String location;
        private String period;
        private Counts sum;

        GroupSum(String service, Consumer<Indicators> each) {
            this.service = service;
            this.each = each;
        }

        void add(String location, String period, Counts counts) {
            if (sum != null && location.equals(this.location) && period.equals(this.period)) {
                sum = sum.plus(counts);
                return;
            }
            flush();
            this.location = location;
            this.period = period;
            this.sum = counts;
        }

        void flush() {
            if (sum != null) each.accept(Indicators.of(service, location, period, sum));
            sum = null;
        }
    }

    /**
     * Sums the locations' counts per place of the query's level. A location that is no commune
     * code (an office id, the service as a whole) counts for the nation only.
     */
    private void byLevel(StatsQuery query, Consumer<Indicators> each) {
        GeoLevel level = query.level();
        Map<String, String> places = new HashMap<>();  // location -> place, resolved once per location
        Map<GroupKey, Counts> sums = new HashMap<>();
        Map<String, int[]> spans = new HashMap<>();     // place -> first and last day with answers
        if (query.by() == StatsQuery.Grouping.LOCATION) {
            for (RollupReader.Total total : rollups.totals(query.service(), null, query.period())) {
                String place = places.computeIfAbsent(total.location(), l -> geography.placeOf(l, level));
                if (place == null || (query.location() != null && !query.location().equals(place))) continue;
                sums.merge(new GroupKey(place, null), total.counts(), Counts::plus);
                spans.merge(place, new int[] {total.firstDay(), total.lastDay()},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        } else {
            rollups.days(query.service(), null, query.period(), query.by(), day -> {
                String place = places.computeIfAbsent(day.location(), l -> geography.placeOf(l, level));
                if (place == null || (query.location() != null && !query.location().equals(place))) return;
                sums.merge(new GroupKey(place, query.by().label(LocalDate.ofEpochDay(day.epochDay()))), day.counts(), Counts::plus);
            });
        }
        List<Map.Entry<GroupKey, Counts>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparing(GroupKey::location)
                .thenComparing(GroupKey::period, Comparator.nullsFirst(Comparator.naturalOrder()))));
        for (var entry : entries) {
            String place = entry.getKey().location();
            String period = entry.getKey().period() != null ? entry.getKey().period()
                    : range(query, spans.get(place)[0], spans.get(place)[1]);
            each.accept(Indicators.of(query.service(), place, period, entry.getValue()));
        }
    }

    /** "from/to" of a whole-period group: the query's ends, or the data's first and last day for open ends. */
    private static String range(StatsQuery query, int firstDay, int lastDay) {
        LocalDate from = query.period().from() != null ? query.period().from() : LocalDate.ofEpochDay(firstDay);
        LocalDate to = query.period().to() != null ? query.period().to() : LocalDate.ofEpochDay(lastDay);
        return from + "/" + to;
    }
}
