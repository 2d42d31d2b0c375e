package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.ingest.RatingIntake.Outcome;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.ops.Metrics;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Problems;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/v1/ratings: the widget's door to {@link RatingIntake}. It reads nothing itself; it hands
 * the request to the intake and renders the outcome as JSON or problem+json.
 */
public final class IngestController {

    public static final int MAX_BODY = 8 * 1024;
    public static final String PATH = "/api/v1/ratings";

    /** JSON sent as text/plain (no CORS preflight) or application/json. */
    static final RatingIntake.Door JSON_DOOR = new RatingIntake.Door() {
        @Override
        public Set<String> mediaTypes() {
            return Set.of("application/json", "text/plain");
        }

        @Override
        public String expectedType() {
            return "application/json or text/plain (JSON text)";
        }

        @Override
        public int maxBytes() {
            return MAX_BODY;
        }

        @Override
        public boolean requiresOrigin() {
            return true;
        }

        @Override
        public ObjectNode read(String text) {
            return JsonMapping.object(text);
        }
    };

    private final RatingIntake intake;
    private final Forwarded forwarded;
    private final Metrics metrics;

    public IngestController(RatingIntake intake, Forwarded forwarded, Metrics metrics) {
        this.intake = intake;
        this.forwarded = forwarded;
        this.metrics = metrics;
    }

    public void routes(JavalinConfig config) {
        // No credentials are ever used, so any page may read the answer; who may *post* is
        // decided by the service's allowed origins in the intake.
        config.routes.before(PATH, ctx -> ctx.header("Access-Control-Allow-Origin", "*"));
        config.routes.options(PATH, ctx -> ctx.status(204)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "86400"));
        config.routes.post(PATH, this::post);
        config.routes.after(PATH, ctx -> metrics.count("jdma_rating_requests_total", "status", ctx.statusCode()));
    }

    private void post(Context ctx) {
        String origin = ctx.header("Origin");
        var submission = new RatingIntake.Submission(ctx.header("Content-Type"), ctx.req().getContentLengthLong(), ctx.bodyInputStream(),
                origin, forwarded.isCollectorItself(ctx, origin), forwarded.client(ctx));
        ctx.future(() -> intake.take(JSON_DOOR, submission).thenAccept(outcome -> outcome.renderWith(new Answer(ctx))));
    }

    /** The answer to a completion, and to any replay once the rating is completed. */
    record CompletedAnswer(String id, boolean completed) {
    }

    /** The outcome as JSON or problem+json. */
    private record Answer(Context ctx) implements RatingIntake.Renderer {

        /** 201 when stored, 200 for a replay (same body) or a completion. */
        @Override
        public void stored(Outcome.Stored stored) {
            String id = stored.rating().id();
            switch (stored.written().kind()) {
                case CREATED -> ctx.status(201).json(Map.of("id", id));
                case COMPLETED -> ctx.status(200).json(new CompletedAnswer(id, true));
                default -> ctx.status(200).json(Map.of("id", id));
            }
        }

        /** Exactly what a new rating gets: a robot must not learn that it was recognised. */
        @Override
        public void discarded(Outcome.Discarded discarded) {
            ctx.status(201).json(Map.of("id", discarded.rating().id()));
        }

        @Override
        public void conflict(Outcome.Conflict conflict) {
            Problems.send(ctx, new HttpProblem(409, "Conflict", conflict.detail()));
        }

        @Override
        public void bodyRefused(Outcome.BodyRefused refused) {
            Problems.send(ctx, Problems.ofBody(refused.reason(), refused.detail()));
        }

        @Override
        public void invalid(Outcome.Invalid invalid) {
            Problems.send(ctx, Problems.invalid(invalid.errors()));
        }

        @Override
        public void unknownService(Outcome.UnknownService unknown) {
            Problems.send(ctx, HttpProblem.notFound("no enabled service with id '" + unknown.serviceId() + "'"));
        }

        @Override
        public void originRefused(Outcome.OriginRefused refused) {
            Problems.send(ctx, HttpProblem.forbidden(refused.origin() == null
                    ? "the Origin header is missing: ratings are accepted from the service's own pages only"
                    : "origin " + refused.origin() + " is not among the allowed origins of service '" + refused.service().id() + "'"));
        }

        @Override
        public void rateLimited(Outcome.RateLimited limited) {
            Problems.send(ctx, HttpProblem.retryLater(429, "Too Many Requests", "too many ratings from this client for service '"
                    + limited.service().id() + "'; retry in " + limited.retryAfterSeconds() + " s", limited.retryAfterSeconds()));
        }

        @Override
        public void unavailable(Outcome.Unavailable unavailable) {
            Problems.send(ctx, HttpProblem.retryLater(503, "Service Unavailable", "the rating could not be stored now ("
                    + unavailable.reason() + "); retry later", unavailable.retryAfterSeconds()));
        }
    }
}
