package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.stats.Counts;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the public may see of a service marked public: over the last 12 rolling months, per
 * location or per place of a level, and month by month, the indicators of groups with enough
 * answers; the others only their answer counts ({@link Indicators#published()}, applied to every
 * group at every level and in every month).
 */
public final class PublicResults {

    /** The published results of one service at one level (null: per location as ratings carry it). */
    public record Results(Service service, Period period, GeoLevel level, List<Indicators> groups, Map<String, String> names) {
    }

    /** One calendar month of a place: its published indicators (0 answers when nobody answered). */
    public record Month(YearMonth month, LocalDate from, LocalDate to, Indicators indicators) {
    }

    private final ServiceCatalogue catalogue;
    private final Statistics statistics;
    private final PlaceNames names;
    private final Clock clock;

    public PublicResults(ServiceCatalogue catalogue, Statistics statistics, PlaceNames names, Clock clock) {
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.names = names;
        this.clock = clock;
    }

    /** The service, when it exists, is enabled and is marked public. */
    public Optional<Service> service(String serviceId) {
        return catalogue.find(serviceId).filter(s -> s.enabled() && s.isPublic());
    }

    /** Per location as ratings carry it; empty unless the service is public. */
    public Optional<Results> of(String serviceId) {
        return service(serviceId).map(s -> of(s, null));
    }

    /** Every place of the level (or every location, for a null level) over the last 12 months. */
    public Results of(Service service, GeoLevel level) {
        Period period = lastTwelveMonths(today());
        List<Indicators> groups = statistics
                .indicators(new StatsQuery(service.id(), null, period, StatsQuery.Grouping.LOCATION, level))
                .stream().map(Indicators::published).toList();
        Map<String, String> placeNames = new LinkedHashMap<>();
        for (Indicators group : groups) placeNames.put(group.location(), names.of(service, level, group.location()));
        return new Results(service, period, level, groups, placeNames);
    }

    /** One place (or location, for a null level) over the last 12 months: its group, or empty when nobody answered there. */
    public Optional<Indicators> place(Service service, GeoLevel level, String code) {
        return statistics.indicators(new StatsQuery(service.id(), code, lastTwelveMonths(today()), StatsQuery.Grouping.LOCATION, level))
                .stream().findFirst().map(Indicators::published);
    }

    /** The 12 calendar months up to the current one (still running), every month present, oldest first. */
    public List<Month> trend(Service service, GeoLevel level, String code) {
        LocalDate today = today();
        YearMonth first = YearMonth.from(today).minusMonths(11);
        Period period = new Period(first.atDay(1), today);
        Map<String, Indicators> found = new HashMap<>();
        for (Indicators group : statistics.indicators(new StatsQuery(service.id(), code, period, StatsQuery.Grouping.MONTH, level))) {
            found.put(group.period(), group.published());
        }
        List<Month> months = new ArrayList<>(Indicators.WINDOW_MONTHS);
        for (int i = 0; i < Indicators.WINDOW_MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            LocalDate to = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
            Indicators indicators = found.getOrDefault(month.toString(),
                    Indicators.of(service.id(), code, month.toString(), Counts.ZERO).published());
            months.add(new Month(month, month.atDay(1), to, indicators));
        }
        return months;
    }

    public PlaceNames names() {
        return names;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Twelve rolling months ending today (UTC), today included: 2025-04-01 to 2026-03-31 on 2026-03-31. */
    static Period lastTwelveMonths(LocalDate today) {
        return new Period(today.minusMonths(Indicators.WINDOW_MONTHS).plusDays(1), today);
    }
}
