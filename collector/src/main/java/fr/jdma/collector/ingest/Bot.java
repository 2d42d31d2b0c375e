package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an answer is taken for a robot's: it filled the honeypot {@code hp} that people never see,
 * or it was sent less than {@link #MIN_ELAPSED_MS} after the questions were shown ({@code elapsed}).
 * Such an answer is answered as usual (201) and never stored; the metrics count it by reason.
 */
public enum Bot {
    HONEYPOT, TOO_FAST;

    public static final long MIN_ELAPSED_MS = 1500;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason a (validated) body is a robot's, if it is one; no {@code elapsed} at all is no evidence. */
    public static Optional<Bot> of(ObjectNode body) {
        JsonNode hp = body.get("hp");
        if (hp != null && hp.isTextual() && !hp.textValue().isEmpty()) return Optional.of(HONEYPOT);
        JsonNode elapsed = body.get("elapsed");
        if (elapsed != null && elapsed.isIntegralNumber() && elapsed.longValue() < MIN_ELAPSED_MS) return Optional.of(TOO_FAST);
        return Optional.empty();
    }
}
