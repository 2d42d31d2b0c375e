package fr.jdma.collector.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.ingest.RatingIntake.Outcome;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.ops.Metrics;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Problems;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * POST /api/v1/ratings: the widget's door to {@link RatingIntake}. It reads nothing itself; it hands
 * the request to the intake and renders the outcome as JSON or problem+json.
 *
 * <p>The door is a Jetty handler ({@link #door()}) inside {@code WholeBodies}, below Javalin's servlet: the
 * body is already in memory there, and the answer is written when the group commit completes, without the
 * servlet's asynchronous cycle (suspend, then a second dispatch to complete), which cost a third of the CPU
 * per rating under load (docs/benchmarks.md). Javalin keeps the rest of the path: the CORS preflight and
 * the 405 for other methods, with the same CORS header and the same count by status.
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
    private final Predicate<Throwable> outage;

    /** @param outage tells whether a failure means the database is gone (see {@link Problems#ofFailure}) */
    public IngestController(RatingIntake intake, Forwarded forwarded, Metrics metrics, Predicate<Throwable> outage) {
        this.intake = intake;
        this.forwarded = forwarded;
        this.metrics = metrics;
        this.outage = outage;
    }

    /** What Javalin answers on the path: everything but the POST, which {@link #door()} takes first. */
    public void routes(JavalinConfig config) {
        // No credentials are ever used, so any page may read the answer; who may *post* is
        // decided by the service's allowed origins in the intake.
        config.routes.before(PATH, ctx -> ctx.header(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN.asString(), "*"));
        config.routes.options(PATH, ctx -> ctx.status(204)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "86400"));
        config.routes.after(PATH, ctx -> counted(ctx.statusCode()));
    }

    /** The Jetty handler that answers POST /api/v1/ratings and hands every other request to Javalin, inside it. */
    public Handler.Wrapper door() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!isRatingPost(request)) return super.handle(request, response, callback);
                post(request, new Answer(response, callback));
                return true;
            }
        };
    }

    private static boolean isRatingPost(Request request) {
        if (!HttpMethod.POST.is(request.getMethod())) return false;
        String path = Request.getPathInContext(request);
        // Javalin ignores a trailing slash: so does the door, or such a POST would meet a 405
        return path.startsWith(PATH) && (path.length() == PATH.length() || path.length() == PATH.length() + 1 && path.endsWith("/"));
    }

    private void post(Request request, Answer answer) {
        HttpFields headers = request.getHeaders();
        String origin = headers.get(HttpHeader.ORIGIN);
        try {
            // The body is whole in memory (WholeBodies), or refused by its declared length unread: reading it never waits.
            var submission = new RatingIntake.Submission(headers.get(HttpHeader.CONTENT_TYPE), request.getLength(),
                    Content.Source.asInputStream(request), origin, forwarded.isCollectorItself(request, origin), forwarded.client(request));
            intake.take(JSON_DOOR, submission).whenComplete((outcome, failure) -> {
                try {
                    if (failure != null) throw failure;
                    outcome.renderWith(answer);
                } catch (Throwable e) {
                    answer.failed(e); // never left unanswered: a request whose future failed unseen would hang
                }
            });
        } catch (RuntimeException e) {
            answer.failed(e);
        }
    }

    private void counted(int status) {
        metrics.count("jdma_rating_requests_total", "status", status);
    }

    /** The answer to a completion, and to any replay once the rating is completed. */
    record CompletedAnswer(String id, boolean completed) {
    }

    /** The outcome as JSON or problem+json, written on Jetty's response. */
    private final class Answer implements RatingIntake.Renderer {

        private final Response response;
        private final Callback callback;

        Answer(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        /** 201 when stored, 200 for a replay (same body) or a completion. */
        @Override
        public void stored(Outcome.Stored stored) {
            String id = stored.rating().id();
            switch (stored.written().kind()) {
                case CREATED -> json(201, Map.of("id", id));
                case COMPLETED -> json(200, new CompletedAnswer(id, true));
                default -> json(200, Map.of("id", id));
            }
        }

        /** Exactly what a new rating gets: a robot must not learn that it was recognised. */
        @Override
        public void discarded(Outcome.Discarded discarded) {
            json(201, Map.of("id", discarded.rating().id()));
        }

        @Override
        public void conflict(Outcome.Conflict conflict) {
            problem(new HttpProblem(409, "Conflict", conflict.detail()));
        }

        @Override
        public void bodyRefused(Outcome.BodyRefused refused) {
            problem(Problems.ofBody(refused.reason(), refused.detail()));
        }

        @Override
        public void invalid(Outcome.Invalid invalid) {
            problem(Problems.invalid(invalid.errors()));
        }

        @Override
        public void unknownService(Outcome.UnknownService unknown) {
            problem(HttpProblem.notFound("no enabled service with id '" + unknown.serviceId() + "'"));
        }

        @Override
        public void originRefused(Outcome.OriginRefused refused) {
            problem(HttpProblem.forbidden(refused.origin() == null
                    ? "the Origin header is missing: ratings are accepted from the service's own pages only"
                    : "origin " + refused.origin() + " is not among the allowed origins of service '" + refused.service().id() + "'"));
        }

        @Override
        public void rateLimited(Outcome.RateLimited limited) {
            problem(HttpProblem.retryLater(429, "Too Many Requests", "too many ratings from this client for service '"
                    + limited.service().id() + "'; retry in " + limited.retryAfterSeconds() + " s", limited.retryAfterSeconds()));
        }

        @Override
        public void unavailable(Outcome.Unavailable unavailable) {
            problem(HttpProblem.retryLater(503, "Service Unavailable", "the rating could not be stored now ("
                    + unavailable.reason() + "); retry later", unavailable.retryAfterSeconds()));
        }

        /** A failure the intake did not foresee: mapped like any route's (503 when the database is gone, 500). */
        void failed(Throwable failure) {
            HttpProblem problem = Problems.ofFailure(failure, outage, "POST " + PATH);
            if (problem == null) callback.failed(failure); // the client went away: nobody to answer
            else problem(problem);
        }

        private void json(int status, Object value) {
            try {
                send(status, "application/json", JsonMapping.MAPPER.writeValueAsBytes(value), Map.of());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void problem(HttpProblem problem) {
            send(problem.status(), Problems.CONTENT_TYPE, Problems.json(problem).getBytes(StandardCharsets.UTF_8), problem.headers());
        }

        private void send(int status, String contentType, byte[] body, Map<String, String> headers) {
            response.setStatus(status);
            HttpFields.Mutable fields = response.getHeaders();
            fields.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            fields.put(HttpHeader.CONTENT_TYPE, contentType);
            headers.forEach(fields::put);
            counted(status); // before the client can read the answer, and ask /metrics
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
