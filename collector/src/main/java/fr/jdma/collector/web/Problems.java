package fr.jdma.collector.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.input.StrictBody;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns every failure into an RFC 9457 problem+json answer; the one place that maps exceptions to statuses. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /**
     * @param outage tells whether a failure means the database is gone (and records it): such a
     *               failure is a 503 with Retry-After and one log line, never a 500 with a stack.
     */
    public static void register(JavalinConfig config, Predicate<Throwable> outage) {
        config.routes.exception(HttpProblem.class, (e, ctx) -> respond(ctx, e));
        config.routes.exception(InvalidInputException.class, (e, ctx) -> respond(ctx, invalid(e.errors())));
        config.routes.exception(ServiceCatalogue.DuplicateServiceException.class,
                (e, ctx) -> respond(ctx, new HttpProblem(409, "Conflict", e.getMessage())));
        config.routes.exception(ServiceCatalogue.UnknownServiceException.class,
                (e, ctx) -> respond(ctx, HttpProblem.notFound(e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            HttpProblem problem = ofFailure(e, outage, ctx.method() + " " + ctx.path());
            if (problem != null) respond(ctx, problem);
        });
        config.routes.error(404, "*", ctx -> {
            // Our own 404s (problems, HTML pages) are kept; Javalin's "endpoint not found" becomes one of ours.
            String type = ctx.res().getContentType();
            if (type == null || !(type.startsWith(CONTENT_TYPE) || type.startsWith("text/html"))) {
                respond(ctx, HttpProblem.notFound("no resource at " + ctx.method() + " " + ctx.path()));
            }
        });
        config.routes.error(405, "*", ctx -> respond(ctx,
                new HttpProblem(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
        config.routes.error(413, "*", ctx -> respond(ctx,
                new HttpProblem(413, "Content Too Large", "the request body is larger than allowed")));
    }

    /**
     * The API, the widget's files and the operations endpoints answer problem+json; every other path
     * is a page a person reads (hosted form, generator, results, privacy, back office).
     */
    public static boolean isHtmlRoute(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/widget/") || path.startsWith("/assets/")
                || path.equals("/health") || path.equals("/metrics"));
    }

    /**
     * The answer to an unexpected failure of {@code request} ("POST /api/v1/ratings"), logged here once: 503 when the
     * database is gone or busy, 500 otherwise; null when the client went away (nobody to answer).
     */
    public static HttpProblem ofFailure(Throwable e, Predicate<Throwable> outage, String request) {
        if (ClientGone.in(e)) {
            log.info("{}: the client went away ({})", request, e.getClass().getSimpleName());
            return null;
        } else if (outage.test(e)) {
            log.warn("{}: database unavailable ({})", request, e.getClass().getSimpleName());
            return HttpProblem.retryLater(503, "Service Unavailable", "the database is unavailable; retry later", 5);
        } else if (causedBy(e, SQLTransientConnectionException.class)) {
            log.warn("{}: no database connection free in time", request);
            return HttpProblem.retryLater(503, "Service Unavailable", "the collector is busy; retry later", 2);
        }
        log.error("unexpected error on {}", request, e);
        return new HttpProblem(500, "Internal Server Error", "an unexpected error occurred; it has been logged");
    }

    /** A problem as problem+json on the API, as a French page in the shell on HTML routes. */
    public static void respond(Context ctx, HttpProblem problem) {
        if (isHtmlRoute(ctx.path())) {
            problem.headers().forEach(ctx::header);
            ErrorPages.of(problem.status()).send(ctx, problem.status());
        } else {
            send(ctx, problem);
        }
    }

    /** A body refused by the strict decoding step, as the problem the API answers. */
    public static HttpProblem ofBody(StrictBody.Reason reason, String detail) {
        return switch (reason) {
            case UNSUPPORTED_MEDIA_TYPE -> new HttpProblem(415, "Unsupported Media Type", detail);
            case TOO_LARGE -> new HttpProblem(413, "Content Too Large", detail);
            case MALFORMED -> invalid(List.of(new FieldError("body", detail)));
            // nobody is listening any more: the status only shows in the metrics
            case CLIENT_GONE -> new HttpProblem(400, "Bad Request", detail);
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    public static HttpProblem invalid(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return new HttpProblem(400, "Bad Request", "invalid " + fields, errors, java.util.Map.of());
    }

    public static void send(Context ctx, HttpProblem problem) {
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(json(problem));
    }

    /** The problem+json text of a problem, for answers written below Javalin (see {@link WholeBodies}). */
    public static String json(HttpProblem problem) {
        ObjectNode body = JsonMapping.MAPPER.createObjectNode()
                .put("type", "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("detail", e.detail()));
        }
        return body.toString();
    }
}
