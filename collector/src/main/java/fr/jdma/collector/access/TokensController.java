package fr.jdma.collector.access;

import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** The administrator's tokens (analyst or owner): create (shown once), list, revoke. */
public final class TokensController {

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
        AnalystToken.Created created = tokens.create(TokenRequests.parse(Json.read(ctx), catalogue));
        ctx.status(201).header("Cache-Control", "no-store").json(created);
    }

    private void revoke(Context ctx) {
        if (!tokens.revoke(ctx.pathParam("id"))) {
            throw HttpProblem.notFound("no token with id '" + ctx.pathParam("id") + "'");
        }
        ctx.status(204);
    }
}
