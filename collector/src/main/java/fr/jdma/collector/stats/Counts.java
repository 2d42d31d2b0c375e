package fr.jdma.collector.stats;

/** The answer counters of a group of days, as {@code daily_rollups} keeps them (see V1 script). */
public record Counts(
        long answers, long good, long average, long bad,
        long clarityAnswers, long clarityPoints,
        long helpAnswers, long helpNone,
        long reachedAnswers, long reachedYes,
        long qualityAnswers, long qualityPoints) {

    public static final Counts ZERO = of(new long[12]);

    /** From values in the order of {@code Schema.DailyRollups.COUNTERS}. */
    public static Counts of(long[] v) {
        return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    public Counts plus(Counts o) {
        return new Counts(answers + o.answers, good + o.good, average + o.average, bad + o.bad,
                clarityAnswers + o.clarityAnswers, clarityPoints + o.clarityPoints,
                helpAnswers + o.helpAnswers, helpNone + o.helpNone,
                reachedAnswers + o.reachedAnswers, reachedYes + o.reachedYes,
                qualityAnswers + o.qualityAnswers, qualityPoints + o.qualityPoints);
    }
}
