package fr.jdma.collector.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.ingest.RatingParser;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a service as the admin API (and the back office's forms) send it, naming every bad field. */
public final class ServiceParser {


    private static final Set<String> FIELDS =
            Set.of("id", "name", "organisation", "allowedOrigins", "public", "hiddenQuestions", "enabled", "locationNames");
    /** Enough for every office of a national network; each name fits the results page's headings. */
    public static final int MAX_LOCATION_NAMES = 5000;
    public static final int MAX_LOCATION_NAME_LENGTH = 200;
    /**
     * Ids no new service may take: the back office's fixed pages sit beside service ids
     * (/admin/services/nouveau is the creation form, /admin/services/{id} a service).
     */
    private static final Set<String> RESERVED_IDS = Set.of("nouveau");

    private ServiceParser() {
    }

    /** The service with the fields {@code changes} names replaced, the others kept: changing one setting never wipes the others. */
    public static Service merge(Service current, JsonNode changes) {
        ObjectNode merged = fr.jdma.collector.input.JsonMapping.MAPPER.valueToTree(current);
        changes.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return parse(merged, current.id());
    }

    public static Service parse(JsonNode body, String pathId) {
        if (body == null || !body.isObject()) throw InvalidInputException.of("body", "must be a JSON object");
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(new FieldError(name, "is not a field of a service"));
        });

        String id = text(body, "id", errors);
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) errors.add(new FieldError("id", "must match the id in the path, " + pathId));
            id = pathId;
        }
        if (id == null) errors.add(new FieldError("id", "is required"));
        else if (!Codes.CODE.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1 to 64 characters among A-Z a-z 0-9 . _ -"));
        } else if (pathId == null && isReserved(id)) {
            // only on creation: a service that took the id before it was reserved can still be changed
            errors.add(new FieldError("id", "'" + id + "' is reserved by the back office's pages: choose another id"));
        }
        String name = text(body, "name", errors);
        if (name == null || name.isBlank()) errors.add(new FieldError("name", "is required"));
        else if (name.length() > 200) errors.add(new FieldError("name", "must be at most 200 characters"));
        String organisation = text(body, "organisation", errors);
        if (organisation != null && organisation.length() > 200) {
            errors.add(new FieldError("organisation", "must be at most 200 characters"));
        }

        List<String> origins = new ArrayList<>(new LinkedHashSet<>(strings(body, "allowedOrigins", errors)));
        for (int i = 0; i < origins.size(); i++) {
            String origin = normaliseOrigin(origins.get(i));
            if (origin == null) {
                errors.add(new FieldError("allowedOrigins", "'" + origins.get(i)
                        + "' is not an origin: expected scheme and host only, like https://www.example.gouv.fr, or *"));
            } else {
                origins.set(i, origin);
            }
        }
        if (String.join(" ", origins).length() > 8000) {
            errors.add(new FieldError("allowedOrigins", "too many origins (at most 8000 characters in all)"));
        }
        List<String> hidden = strings(body, "hiddenQuestions", errors);
        for (String question : hidden) {
            if (!RatingParser.HIDEABLE.contains(question)) {
                errors.add(new FieldError("hiddenQuestions", "'" + question + "' cannot be hidden: choose among clarity, help, comment"));
            }
        }
        boolean isPublic = bool(body, "public", false, errors);
        boolean enabled = bool(body, "enabled", true, errors);
        Map<String, String> locationNames = locationNames(body, errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Service(id, name.strip(), organisation == null ? "" : organisation.strip(),
                List.copyOf(new LinkedHashSet<>(origins)), isPublic, List.copyOf(new LinkedHashSet<>(hidden)), enabled,
                locationNames);
    }

    /** Whether a new service may not take this id, as it names a page of the back office. */
    public static boolean isReserved(String id) {
        return RESERVED_IDS.contains(id);
    }

    /** {"caf-94": "CAF du Val-de-Marne"}: keys are location codes as ratings carry them, values short plain names. */
    private static Map<String, String> locationNames(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("locationNames");
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) {
            errors.add(new FieldError("locationNames", "must be an object of location code to name, like {\"caf-94\": \"CAF du Val-de-Marne\"}"));
            return Map.of();
        }
        if (node.size() > MAX_LOCATION_NAMES) {
            errors.add(new FieldError("locationNames", "at most " + MAX_LOCATION_NAMES + " names, got " + node.size()));
            return Map.of();
        }
        Map<String, String> names = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            String code = entry.getKey();
            String name = entry.getValue().isTextual() ? entry.getValue().textValue() : null;
            String field = "locationNames." + code;
            switch (locationNameProblem(code, name)) {
                case CODE -> errors.add(new FieldError("locationNames", "'" + code + "' is not a location code: 1 to 64 characters among A-Z a-z 0-9 . _ -"));
                case EMPTY -> errors.add(new FieldError(field, "must be a non-empty string"));
                case TOO_LONG -> errors.add(new FieldError(field, "must be at most " + MAX_LOCATION_NAME_LENGTH + " characters"));
                case CONTROL -> errors.add(new FieldError(field, "must not contain control characters (tabs, line breaks)"));
                case NONE -> names.put(code, name.strip());
            }
        });
        return names;
    }

    /** What can be wrong with one location name; the back office's form words the same rule in French. */
    public enum NameProblem { NONE, CODE, EMPTY, TOO_LONG, CONTROL }

    /** The rule for one entry of locationNames; {@code name} is null when it is not a string. */
    public static NameProblem locationNameProblem(String code, String name) {
        if (!Codes.CODE.matcher(code).matches()) return NameProblem.CODE;
        if (name == null || name.isBlank()) return NameProblem.EMPTY;
        if (name.strip().length() > MAX_LOCATION_NAME_LENGTH) return NameProblem.TOO_LONG;
        if (name.chars().anyMatch(Character::isISOControl)) return NameProblem.CONTROL;
        return NameProblem.NONE;
    }

    /** "https://Example.fr:443/" becomes "https://example.fr": browsers send origins in that form. */
    public static String normaliseOrigin(String text) {
        if (text.equals("*")) return text;
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode body, String field, boolean fallback, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isBoolean()) errors.add(new FieldError(field, "must be true or false"));
        return node.asBoolean(fallback);
    }

    private static List<String> strings(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return List.of();
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    errors.add(new FieldError(field, "must be an array of strings"));
                    return List.of();
                }
                values.add(item.textValue());
            }
            return values;
        }
        errors.add(new FieldError(field, "must be an array of strings"));
        return List.of();
    }
}
