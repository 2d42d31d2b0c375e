package fr.jdma.collector.input;

import java.util.regex.Pattern;

/** The short codes of the public contract: service ids, locations and sources. One definition for every parser. */
public final class Codes {

    /** Service ids and locations: 1 to 64 characters among A-Z a-z 0-9 . _ - (an INSEE code, "caf-94"). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Sources (campaign tags): 1 to 32 of the same characters. */
    public static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private Codes() {
    }

    /** The value when it is a valid code of that pattern, else null: for values from links, dropped rather than refused. */
    public static String validOrNull(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches() ? value : null;
    }
}
