package fr.jdma.collector.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.moderation.ModerationAccess.Moderator;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GET /api/v1/moderation (a service's comments), POST /api/v1/moderation/{ratingId} (reviewed,
 * redact) and GET /api/v1/moderation/audit (who did what, when).
 */
public final class ModerationController {

    public static final String PATH = "/api/v1/moderation";
    private static final Pattern RATING_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEYWORD = Pattern.compile("[^\\p{Cc}]{1,100}");
    private static final int MAX_LIMIT = 200;

    private final ModerationAccess access;
    private final ServiceCatalogue catalogue;
    private final Moderation moderation;

    public ModerationController(ModerationAccess access, ServiceCatalogue catalogue, Moderation moderation) {
        this.access = access;
        this.catalogue = catalogue;
        this.moderation = moderation;
    }

    public void routes(JavalinConfig config) {
        config.routes.get(PATH, this::list);
        config.routes.get(PATH + "/audit", this::audit);
        config.routes.post(PATH + "/{ratingId}", this::act);
    }

    private void list(Context ctx) {
        Moderator who = access.authenticate(ctx);
        QueryParams query = new QueryParams(ctx.queryParamMap());
        String service = query.required("service", Codes.CODE);
        List<String> flag = query.words("flag", Flag.wireNames());
        Boolean reviewed = query.bool("reviewed");
        String keyword = query.optional("q", KEYWORD);
        int page = query.integer("page", 1, 1_000_000, 1);
        int limit = query.integer("limit", 1, MAX_LIMIT, 50);
        query.check();
        access.requireModerate(who, service);
        if (catalogue.find(service).isEmpty()) throw new ServiceCatalogue.UnknownServiceException(service);
        ctx.header("Cache-Control", "no-store")
                .json(moderation.list(new Moderation.Filter(service, flag, reviewed, keyword, page, limit)));
    }

    private void act(Context ctx) {
        Moderator who = access.authenticate(ctx);
        String ratingId = ctx.pathParam("ratingId").toLowerCase(Locale.ROOT);
        Moderation.Action action = action(Json.read(ctx), RATING_ID.matcher(ratingId).matches());
        String service = moderation.serviceOf(ratingId)
                .orElseThrow(() -> HttpProblem.notFound("no rating with id '" + ratingId + "'"));
        access.requireModerate(who, service);
        try {
            ctx.json(moderation.apply(ratingId, action, who.name())
                    .orElseThrow(() -> HttpProblem.notFound("no rating with id '" + ratingId + "'")));
        } catch (Moderation.NoCommentException e) {
            throw new HttpProblem(409, "Conflict", e.getMessage());
        }
    }

    private static Moderation.Action action(JsonNode body, boolean validId) {
        List<FieldError> errors = new ArrayList<>();
        if (!validId) errors.add(new FieldError("ratingId", "must be a rating id (a UUID)"));
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("action")) errors.add(new FieldError(name, "is not a field of a moderation action; send {\"action\": \"reviewed\"} or {\"action\": \"redact\"}"));
        });
        JsonNode action = body.get("action");
        Moderation.Action value = null;
        if (action == null || action.isNull()) {
            errors.add(new FieldError("action", "is required: reviewed or redact"));
        } else if (!action.isTextual() || (!action.textValue().equals("reviewed") && !action.textValue().equals("redact"))) {
            errors.add(new FieldError("action", "must be reviewed or redact, got " + action));
        } else {
            value = action.textValue().equals("reviewed") ? Moderation.Action.REVIEWED : Moderation.Action.REDACT;
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return value;
    }

    private void audit(Context ctx) {
        Moderator who = access.authenticate(ctx);
        QueryParams query = new QueryParams(ctx.queryParamMap());
        String service = query.optional("service", Codes.CODE);
        int page = query.integer("page", 1, 1_000_000, 1);
        int limit = query.integer("limit", 1, MAX_LIMIT, 50);
        query.check();
        if (service == null && !access.canAuditEverything(who)) {
            throw HttpProblem.forbidden("only the administrator reads the audit of every service; name one with service=");
        }
        if (service != null) access.requireModerate(who, service);
        ctx.header("Cache-Control", "no-store").json(moderation.audit(service, page, limit));
    }
}
