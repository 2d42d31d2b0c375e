package fr.jdma.collector.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.input.JsonMapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one way tests make a rating: a minimal valid one (fresh id, service "caf", satisfied) with the
 * fields a test cares about, as the JSON a client posts ({@link #json}) or as the record the store
 * takes ({@link #at}). Field names and values are the wire's (product.md).
 */
public final class ARating {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();

    private ARating() {
        fields.put("id", UUID.randomUUID().toString());
        fields.put("service", "caf");
        fields.put("satisfaction", "good");
    }

    public static ARating aRating() {
        return new ARating();
    }

    /** Sets a field (null removes it); values as JSON would carry them: "good", 4, List.of("phone"), true. */
    public ARating with(String field, Object value) {
        if (value == null) fields.remove(field);
        else fields.put(field, value);
        return this;
    }

    public ARating with(Map<String, ?> more) {
        more.forEach(this::with);
        return this;
    }

    /** Flags, for records stored without the parser. */
    public ARating flagged(String... more) {
        flags.addAll(List.of(more));
        return this;
    }

    public String id() {
        return (String) fields.get("id");
    }

    public String json() {
        try {
            return JsonMapping.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The record as ingest would store it, received at {@code receivedAt}. */
    public Rating at(Instant receivedAt) {
        List<Rating.Help> help = list("help").stream().map(Rating.Help::fromWire).toList();
        return new Rating(id(), receivedAt, text("service"), text("location", ""), text("source", ""),
                Rating.Satisfaction.valueOf(text("satisfaction").toUpperCase(java.util.Locale.ROOT)),
                (Integer) fields.get("clarity"), help, (Boolean) fields.get("helpReached"), (Integer) fields.get("helpQuality"),
                text("comment"), Set.copyOf(flags), text("page"), text("lang"));
    }

    public Rating at(String receivedAt) {
        return at(Instant.parse(receivedAt));
    }

    private String text(String field) {
        return (String) fields.get(field);
    }

    private String text(String field, String absent) {
        String value = text(field);
        return value == null ? absent : value;
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String field) {
        Object value = fields.get(field);
        return value == null ? List.of() : (List<String>) value;
    }
}
