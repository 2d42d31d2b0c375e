package fr.jdma.collector.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a token request (name, role, services), naming every bad field: for the admin API and the back office alike. */
public final class TokenRequests {

    private static final Set<String> FIELDS = Set.of("name", "role", "services");

    private TokenRequests() {
    }

    public static AnalystToken.Request parse(JsonNode body, ServiceCatalogue catalogue) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(new FieldError(name, "is not a field of a token"));
        });
        JsonNode nameNode = body.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText().strip() : null;
        if (name == null || name.isEmpty()) errors.add(new FieldError("name", "is required: who or what the token is for"));
        else if (name.length() > 200) errors.add(new FieldError("name", "must be at most 200 characters"));
        Role role = role(body.get("role"), errors);
        List<String> services = services(body.get("services"), catalogue, errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new AnalystToken.Request(name, role, services);
    }

    /** "analyst" when absent; "owner" also edits its services' settings. */
    private static Role role(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) return Role.ANALYST;
        Role role = node.isTextual() ? Role.ofToken(node.textValue()).orElse(null) : null;
        if (role == null) errors.add(new FieldError("role", "must be \"analyst\" or \"owner\""));
        return role == null ? Role.ANALYST : role;
    }

    private static List<String> services(JsonNode node, ServiceCatalogue catalogue, List<FieldError> errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("services", "is required: an array of service ids, or [\"*\"] for every service"));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                errors.add(new FieldError("services", "must hold service ids as strings"));
                return List.of();
            }
            ids.add(item.asText());
        }
        if (ids.contains(Analyst.EVERY_SERVICE)) {
            if (ids.size() > 1) errors.add(new FieldError("services", "\"*\" gives every service and must be alone"));
            return List.copyOf(ids);
        }
        List<String> unknown = ids.stream().filter(id -> catalogue.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) errors.add(new FieldError("services", "unknown service(s): " + String.join(", ", unknown)));
        return List.copyOf(ids);
    }
}
