package fr.jdma.collector.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The administrator's analyst tokens: create (shown once), list, revoke. */
public final class TokensController {

    private static final Set<String> FIELDS = Set.of("name", "services");

    private final AnalystTokens tokens;
    private final ServiceCatalogue catalogue;

    public TokensController(AnalystTokens tokens, ServiceCatalogue catalogue) {
        this.tokens = tokens;
        this.catalogue = catalogue;
    }

    /** Routes under /api/v1/admin are guarded by {@link AdminAccess} in the app. */
    public void routes(JavalinConfig config) {
        config.routes.post("/api/v1/admin/tokens", this::create);
        config.routes.get("/api/v1/admin/tokens", ctx -> ctx.header("Cache-Control", "no-store").json(tokens.list()));
        config.routes.delete("/api/v1/admin/tokens/{id}", this::revoke);
    }

    private void create(Context ctx) {
        AnalystToken.Created created = tokens.create(parse(Json.read(ctx)));
        ctx.status(201).header("Cache-Control", "no-store").json(created);
    }

    private void revoke(Context ctx) {
        if (!tokens.revoke(ctx.pathParam("id"))) {
            throw HttpProblem.notFound("no token with id '" + ctx.pathParam("id") + "'");
        }
        ctx.status(204);
    }

    private AnalystToken.Request parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(new FieldError(name, "is not a field of a token"));
        });
        JsonNode nameNode = body.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText().strip() : null;
        if (name == null || name.isEmpty()) errors.add(new FieldError("name", "is required: who or what the token is for"));
        else if (name.length() > 200) errors.add(new FieldError("name", "must be at most 200 characters"));
        List<String> services = services(body.get("services"), errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new AnalystToken.Request(name, services);
    }

    private List<String> services(JsonNode node, List<FieldError> errors) {
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
