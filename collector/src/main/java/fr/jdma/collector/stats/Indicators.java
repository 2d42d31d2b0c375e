package fr.jdma.collector.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The official indicators of one group (service x location x period), as the stats API sends
 * them. Scores are on 10 and percentages on 100, rounded half up to one decimal, null when
 * nobody answered the question.
 */
@JsonSerialize(using = Indicators.Json.class)
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

    /**
     * Writes a group exactly as Jackson's bean serializer writes the record (its components in order, nulls
     * kept, the level as its code), without reflection: that serializer was 60 % of a by=location answer's
     * CPU over 5,000 locations (a CPU profile), and the first such answer after a start came in 132 ms
     * instead of 228 (bench/findings.md, tenth round). IndicatorsJsonTest holds the two equal, so the
     * record's components stay the one source of the answer's names.
     */
    static final class Json extends StdSerializer<Indicators> {

        // The names encoded once (as the bean serializer keeps them): writing them as strings, each one checked
        // for characters to escape, was 40 % of this serializer's time.
        private static final SerializableString SERVICE = name("service"), LOCATION = name("location"),
                PERIOD = name("period"), ANSWERS = name("answers"), SATISFACTION = name("satisfaction"),
                SCORE = name("score"), LEVEL = name("level"), GOOD = name("good"), AVERAGE = name("average"),
                BAD = name("bad"), CLARITY = name("clarity"), HELP_REACHED = name("helpReached"),
                PERCENT = name("percent"), HELP_QUALITY = name("helpQuality"), AUTONOMY = name("autonomy");

        Json() {
            super(Indicators.class);
        }

        private static SerializableString name(String name) {
            return new SerializedString(name);
        }

        @Override
        public void serialize(Indicators g, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeFieldName(SERVICE);
            json.writeString(g.service);
            json.writeFieldName(LOCATION);
            json.writeString(g.location);
            json.writeFieldName(PERIOD);
            json.writeString(g.period);
            json.writeFieldName(ANSWERS);
            json.writeNumber(g.answers);
            json.writeFieldName(SATISFACTION);
            if (g.satisfaction == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeFieldName(SCORE);
                json.writeNumber(g.satisfaction.score());
                json.writeFieldName(LEVEL);
                if (g.satisfaction.level() == null) json.writeNull();
                else json.writeString(g.satisfaction.level().code());
                count(json, GOOD, g.satisfaction.good());
                count(json, AVERAGE, g.satisfaction.average());
                count(json, BAD, g.satisfaction.bad());
                json.writeEndObject();
            }
            score(json, CLARITY, g.clarity);
            json.writeFieldName(HELP_REACHED);
            if (g.helpReached == null) json.writeNull();
            else measure(json, PERCENT, g.helpReached.percent(), g.helpReached.answers());
            score(json, HELP_QUALITY, g.helpQuality);
            score(json, AUTONOMY, g.autonomy);
            json.writeEndObject();
        }

        private static void score(JsonGenerator json, SerializableString name, Score score) throws IOException {
            json.writeFieldName(name);
            if (score == null) json.writeNull();
            else measure(json, SCORE, score.score(), score.answers());
        }

        /** {"score" or "percent": value, "answers": n}. */
        private static void measure(JsonGenerator json, SerializableString name, BigDecimal value, long answers) throws IOException {
            json.writeStartObject();
            json.writeFieldName(name);
            json.writeNumber(value);
            json.writeFieldName(ANSWERS);
            json.writeNumber(answers);
            json.writeEndObject();
        }

        private static void count(JsonGenerator json, SerializableString name, Long count) throws IOException {
            json.writeFieldName(name);
            if (count == null) json.writeNull();
            else json.writeNumber(count.longValue());
        }
    }
}
