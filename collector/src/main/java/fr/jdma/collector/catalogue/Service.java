package fr.jdma.collector.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A procedure that collects ratings, as the administrator declares it. Also its JSON form. */
public record Service(
        String id,
        String name,
        String organisation,
        List<String> allowedOrigins,
        @JsonProperty("public") boolean isPublic,
        List<String> hiddenQuestions,
        boolean enabled,
        // left out of the JSON when there are none, as services had no names before V6
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> locationNames) {

    /** Location names sorted by code, so the JSON and the pages list them in a stable order. */
    public Service {
        locationNames = locationNames == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(locationNames));
    }

    /** The name this service gives one of its location codes ("caf-94" -> "CAF du Val-de-Marne"). */
    public Optional<String> locationName(String location) {
        return Optional.ofNullable(location == null ? null : locationNames.get(location));
    }

    /** Whether a page of this origin may post ratings: an exact match, or "*" for any site. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
