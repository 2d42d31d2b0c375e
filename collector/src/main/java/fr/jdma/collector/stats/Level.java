package fr.jdma.collector.stats;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

/**
 * Level of the satisfaction indicator: >= 8 "Très bien", 5 to < 8 "Insuffisant", < 5 "Critique",
 * or "Nombre d'avis insuffisant" under {@link Indicators#MIN_ANSWERS} answers.
 * The boundaries apply to the published score, rounded to one decimal: a page never shows
 * "8,0" next to "Insuffisant" (7.95 is published as 8.0, hence "Très bien").
 */
public enum Level {
    TRES_BIEN("tres_bien", "Très bien"),
    INSUFFISANT("insuffisant", "Insuffisant"),
    CRITIQUE("critique", "Critique"),
    AVIS_INSUFFISANTS("avis_insuffisants", "Nombre d'avis insuffisant");

    /** The lowest published score (on 10) that is "Très bien", and the lowest that is "Insuffisant". */
    public static final int TRES_BIEN_FROM = 8;
    public static final int INSUFFISANT_FROM = 5;

    private static final BigDecimal EIGHT = BigDecimal.valueOf(TRES_BIEN_FROM);
    private static final BigDecimal FIVE = BigDecimal.valueOf(INSUFFISANT_FROM);

    private final String code;
    private final String label;

    Level(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public static Level of(BigDecimal roundedScore, long answers) {
        if (answers < Indicators.MIN_ANSWERS || roundedScore == null) return AVIS_INSUFFISANTS;
        if (roundedScore.compareTo(EIGHT) >= 0) return TRES_BIEN;
        if (roundedScore.compareTo(FIVE) >= 0) return INSUFFISANT;
        return CRITIQUE;
    }

    /** The word the API and CSV use. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The French label the results page shows. */
    public String label() {
        return label;
    }
}
