package fr.jdma.collector.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a stored rating may be flagged with (the {@code flags} column, joined with {@code |}):
 * the contract's names, in one place for the scrubber, the moderation filters and the export.
 */
public enum Flag {
    EMAIL, PHONE, IBAN, NUMBER, AGENT_NAMED, INSULT, CAPITALS, MARKUP, PAGE_SCRUBBED, DUPLICATE, REDACTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Flag> of(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Flag::wire).toList();
    }
}
