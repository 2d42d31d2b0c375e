package fr.jdma.collector.web;

import fr.jdma.collector.stats.Level;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** How our pages write indicator values the French way: "8,2", "1 234 avis", and each level's colour. */
public final class Scores {

    private Scores() {
    }

    /** A score or percentage already rounded to one decimal: 8,2. */
    public static String score(BigDecimal score) {
        return score.toPlainString().replace('.', ',');
    }

    /** A count with French digit grouping (a no-break space): 12 345. */
    public static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(count).replace('\u202f', '\u00a0');
    }

    /** "1 avis", "130 avis": the noun is invariable, the number is grouped. */
    public static String answers(long count) {
        return count(count) + " avis";
    }

    /** DSFR system colours, dark enough for text on white (AA): success, warning, error, grey. */
    public static String colour(Level level) {
        return switch (level) {
            case TRES_BIEN -> "#18753c";
            case INSUFFISANT -> "#b34000";
            case CRITIQUE -> "#ce0500";
            case AVIS_INSUFFISANTS -> "#666666";
        };
    }
}
