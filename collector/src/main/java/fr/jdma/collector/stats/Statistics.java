package fr.jdma.collector.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the official indicators of a service from its rollups (daily, monthly, service-wide:
 * {@link RollupReader} picks the fewest rows that answer).
 */
public final class Statistics {

    private record GroupKey(String location, String period) {
    }

    private final RollupReader rollups;

    public Statistics(RollupReader rollups) {
        this.rollups = rollups;
    }

    /**
     * One group per location (by location: over the query's period, labelled "from/to", the
     * data's first or last day standing in for an open end), or per location and day, week or
     * month. Ordered by location, then period.
     */
    public List<Indicators> indicators(StatsQuery query) {
        if (query.by() == StatsQuery.Grouping.LOCATION) {
            List<Indicators> groups = new ArrayList<>();
            for (RollupReader.Total total : rollups.totals(query.service(), query.location(), query.period())) {
                LocalDate from = query.period().from() != null ? query.period().from() : LocalDate.ofEpochDay(total.firstDay());
                LocalDate to = query.period().to() != null ? query.period().to() : LocalDate.ofEpochDay(total.lastDay());
                groups.add(Indicators.of(query.service(), total.location(), from + "/" + to, total.counts()));
            }
            return groups;
        }
        // Rows arrive ordered by location then day, so insertion order is the order we answer in;
        // memory grows with the number of groups, not of days.
        Map<GroupKey, Counts> sums = new LinkedHashMap<>();
        rollups.days(query.service(), query.location(), query.period(), query.by(), day -> sums.merge(
                new GroupKey(day.location(), query.by().label(LocalDate.ofEpochDay(day.epochDay()))),
                day.counts(), Counts::plus));
        List<Indicators> groups = new ArrayList<>(sums.size());
        sums.forEach((key, counts) -> groups.add(Indicators.of(query.service(), key.location(), key.period(), counts)));
        return groups;
    }
}
