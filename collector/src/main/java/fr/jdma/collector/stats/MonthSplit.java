package fr.jdma.collector.stats;

import fr.jdma.collector.input.Period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A period cut into the whole UTC months it covers (read from monthly rows) and the days of the
 * at most two months it covers only in part (read from daily rows): every day of the period falls
 * in exactly one of them.
 *
 * @param months     true when some whole month lies in the period
 * @param firstMonth epoch day of the first whole month's first day; null for an open start
 * @param lastMonth  epoch day of the last whole month's first day; null for an open end
 * @param edges      inclusive epoch-day ranges {first, last} of the partly covered months
 */
record MonthSplit(boolean months, Integer firstMonth, Integer lastMonth, List<int[]> edges) {

    static MonthSplit of(Period period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from != null && to != null && from.isAfter(to)) return new MonthSplit(false, null, null, List.of());
        LocalDate firstMonth = from == null ? null
                : from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = to == null ? null
                : isMonthEnd(to) ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
        boolean months = firstMonth == null || lastMonth == null || !firstMonth.isAfter(lastMonth);
        List<int[]> edges = new ArrayList<>(2);
        if (from != null && from.getDayOfMonth() != 1) {
            LocalDate end = YearMonth.from(from).atEndOfMonth();
            edges.add(range(from, to != null && to.isBefore(end) ? to : end));
        }
        if (to != null && !isMonthEnd(to)) {
            LocalDate start = from != null && from.isAfter(to.withDayOfMonth(1)) ? from : to.withDayOfMonth(1);
            // from and to inside one month: that month is the single edge added above
            if (edges.isEmpty() || edges.get(0)[0] != start.toEpochDay()) edges.add(range(start, to));
        }
        return new MonthSplit(months, months ? epochDay(firstMonth) : null, months ? epochDay(lastMonth) : null, List.copyOf(edges));
    }

    private static boolean isMonthEnd(LocalDate day) {
        return day.equals(YearMonth.from(day).atEndOfMonth());
    }

    private static int[] range(LocalDate first, LocalDate last) {
        return new int[] {(int) first.toEpochDay(), (int) last.toEpochDay()};
    }

    private static Integer epochDay(LocalDate day) {
        return day == null ? null : (int) day.toEpochDay();
    }
}
