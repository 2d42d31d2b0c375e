package fr.jdma.collector.stats;

import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.input.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's answers over a period, as its dashboard shows them: the official indicators as a
 * whole, per location and per month (computed by {@link Indicators#of}, as everywhere), and how
 * the answers spread over each question.
 */
public record ServiceSummary(
        Indicators overall,
        List<Indicators> byLocation,
        List<Indicators> byMonth,
        Map<Rating.Satisfaction, Long> satisfaction,
        long[] clarity,
        Map<Rating.Help, Long> help,
        long reachedYes,
        long reachedNo,
        long[] helpQuality) {

    /** Reads the breakdown once and sums it every way the dashboard needs. */
    public static ServiceSummary of(AnswerBreakdown breakdown, String service, String location, String source, Period period) {
        Builder b = new Builder();
        breakdown.each(service, location, source, period, b::add);
        String label = period.from() + "/" + period.to();
        List<Indicators> byLocation = new ArrayList<>();
        b.locations.forEach((loc, counts) -> byLocation.add(Indicators.of(service, loc, label, counts)));
        List<Indicators> byMonth = new ArrayList<>();
        b.months.forEach((month, counts) -> byMonth.add(Indicators.of(service, location == null ? "" : location, month.toString(), counts)));
        return new ServiceSummary(Indicators.of(service, location == null ? "" : location, label, b.total), byLocation, byMonth,
                b.satisfaction, b.clarity, b.help, b.reachedYes, b.reachedNo, b.quality);
    }

    private static final class Builder {
        Counts total = Counts.ZERO;
        final Map<String, Counts> locations = new TreeMap<>();
        final Map<YearMonth, Counts> months = new TreeMap<>();
        final Map<Rating.Satisfaction, Long> satisfaction = new EnumMap<>(Rating.Satisfaction.class);
        final Map<Rating.Help, Long> help = new EnumMap<>(Rating.Help.class);
        final long[] clarity = new long[5];
        final long[] quality = new long[5];
        long reachedYes;
        long reachedNo;

        Builder() {
            for (Rating.Satisfaction s : Rating.Satisfaction.values()) satisfaction.put(s, 0L);
            for (Rating.Help h : Rating.Help.values()) help.put(h, 0L);
        }

        void add(AnswerBreakdown.Row row) {
            Rating rating = rating(row);
            long[] one = Rollups.countsOf(rating);
            long[] times = new long[one.length];
            for (int i = 0; i < one.length; i++) times[i] = one[i] * row.count();
            Counts counts = Counts.of(times);
            total = total.plus(counts);
            locations.merge(row.location(), counts, Counts::plus);
            months.merge(YearMonth.from(LocalDate.ofEpochDay(row.epochDay())), counts, Counts::plus);
            satisfaction.merge(rating.satisfaction(), row.count(), Long::sum);
            if (rating.clarity() != null) clarity[rating.clarity() - 1] += row.count();
            for (Rating.Help h : rating.help()) help.merge(h, row.count(), Long::sum);
            // The same rule as the indicators: reached and quality count only after trying an administration channel.
            if (rating.triedAdministration() && rating.helpReached() != null) {
                if (rating.helpReached()) reachedYes += row.count();
                else reachedNo += row.count();
            }
            if (rating.triedAdministration() && rating.helpQuality() != null) quality[rating.helpQuality() - 1] += row.count();
        }

        private static Rating rating(AnswerBreakdown.Row row) {
            List<Rating.Help> help = row.help() == null || row.help().isBlank() ? List.of()
                    : Arrays.stream(row.help().split("\\|")).map(h -> Rating.Help.valueOf(h.toUpperCase(Locale.ROOT))).toList();
            return new Rating(null, Instant.EPOCH.plusMillis(row.epochDay() * 86_400_000L), null, row.location(), null,
                    Rating.Satisfaction.valueOf(row.satisfaction().toUpperCase(Locale.ROOT)),
                    row.clarity() == null ? null : row.clarity().intValue(), help, row.helpReached(),
                    row.helpQuality() == null ? null : row.helpQuality().intValue(), null, Set.of(), null, null);
        }
    }
}
