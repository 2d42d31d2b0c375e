package fr.jdma.collector.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A procedure that collects ratings, as the administrator declares it. Also its JSON form. */
public record Service(
        String id,
        String name,
        String organisation,
        List<String> allowedOrigins,
        @JsonProperty("public") boolean isPublic,
        List<String> hiddenQuestions,
        boolean enabled) {

    /** Whether a page of this origin may post ratings: an exact match, or "*" for any site. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
