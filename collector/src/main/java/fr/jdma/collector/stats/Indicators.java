package fr.jdma.collector.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The official indicators of one group (service x location x period), as the stats API sends
 * them. Scores are on 10 and percentages on 100, rounded half up to one decimal, null when
 * nobody answered the question.
 */
public record Indicators(
        String service,
        String location,
        String period,
        long answers,
        Satisfaction satisfaction,
        Score clarity,
        Percent helpReached,
        Score helpQuality,
        Score autonomy) {

    /** Below this many answers a group's level is "avis_insuffisants" and its score is never published. */
    public static final int MIN_ANSWERS = 100;

    /** The rolling window, in months, over which a public group must reach {@link #MIN_ANSWERS}. */
    public static final int WINDOW_MONTHS = 12;

    public record Satisfaction(BigDecimal score, Level level, Long good, Long average, Long bad) {
    }

    public record Score(BigDecimal score, long answers) {
    }

    public record Percent(BigDecimal percent, long answers) {
    }

    public static Indicators of(String service, String location, String period, Counts c) {
        BigDecimal satisfaction = rounded(10 * c.good() + 5 * c.average(), c.answers());
        return new Indicators(service, location, period, c.answers(),
                new Satisfaction(satisfaction, Level.of(satisfaction, c.answers()), c.good(), c.average(), c.bad()),
                // each stored point is (answer - 1), 0..4, and is worth 2.5 on a scale of 10
                new Score(rounded(5 * c.clarityPoints(), 2 * c.clarityAnswers()), c.clarityAnswers()),
                new Percent(rounded(100 * c.reachedYes(), c.reachedAnswers()), c.reachedAnswers()),
                new Score(rounded(5 * c.qualityPoints(), 2 * c.qualityAnswers()), c.qualityAnswers()),
                new Score(rounded(10 * c.helpNone(), c.helpAnswers()), c.helpAnswers()));
    }

    /**
     * What may be published: a group under the threshold keeps its answer counts but loses every
     * score and the good/average/bad split (from which its satisfaction score could be computed).
     */
    public Indicators published() {
        if (answers >= MIN_ANSWERS) return this;
        return new Indicators(service, location, period, answers,
                new Satisfaction(null, Level.AVIS_INSUFFISANTS, null, null, null),
                new Score(null, clarity.answers()), new Percent(null, helpReached.answers()),
                new Score(null, helpQuality.answers()), new Score(null, autonomy.answers()));
    }

    /** numerator / denominator to one decimal, half up, exactly (no floating point); null for 0 answers. */
    static BigDecimal rounded(long numerator, long denominator) {
        if (denominator == 0) return null;
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
