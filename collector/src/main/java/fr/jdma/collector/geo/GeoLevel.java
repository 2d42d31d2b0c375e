package fr.jdma.collector.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The levels results are published at: the commune, its département, its région, the nation.
 * {@link #word()} is the API's {@code level} value; {@link #denomInsee()} the open-data schema's
 * {@code denom_insee} (empty for the nation).
 */
public enum GeoLevel {
    COMMUNE("commune", "COM", "Commune"),
    DEPARTEMENT("departement", "DEP", "Département"),
    REGION("region", "REG", "Région"),
    NATIONAL("national", "", "France");

    /** The code of the nation's single place: a service's answers as a whole, as the empty location means. */
    public static final String NATION = "";

    private final String word;
    private final String denomInsee;
    private final String label;

    GeoLevel(String word, String denomInsee, String label) {
        this.word = word;
        this.denomInsee = denomInsee;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String denomInsee() {
        return denomInsee;
    }

    /** The French label of the level switch. */
    public String label() {
        return label;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(GeoLevel::word).toList();
    }

    /** From an API word already checked against {@link #words()}. */
    public static GeoLevel of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
