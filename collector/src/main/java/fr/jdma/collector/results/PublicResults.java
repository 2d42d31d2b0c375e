package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the public may see of a service marked public: per location, over the last 12 rolling
 * months, the indicators of groups with enough answers; the others only their answer counts.
 */
public final class PublicResults {

    /** The published results of one service. */
    public record Results(Service service, Period period, List<Indicators> groups) {
    }

    private final ServiceCatalogue catalogue;
    private final Statistics statistics;
    private final Clock clock;

    public PublicResults(ServiceCatalogue catalogue, Statistics statistics, Clock clock) {
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Empty unless the service exists, is enabled and is marked public. */
    public Optional<Results> of(String serviceId) {
        return catalogue.find(serviceId)
                .filter(s -> s.enabled() && s.isPublic())
                .map(service -> {
                    Period period = lastTwelveMonths(LocalDate.now(clock));
                    List<Indicators> groups = statistics
                            .indicators(new StatsQuery(service.id(), null, period, StatsQuery.Grouping.LOCATION))
                            .stream().map(Indicators::published).toList();
                    return new Results(service, period, groups);
                });
    }

    /** Twelve rolling months ending today (UTC), today included: 2025-04-01 to 2026-03-31 on 2026-03-31. */
    static Period lastTwelveMonths(LocalDate today) {
        return new Period(today.minusMonths(12).plusDays(1), today);
    }
}
