package fr.jdma.collector.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into an RFC 9457 problem+json answer; the one place that maps exceptions to statuses. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void register(JavalinConfig config) {
        config.routes.exception(HttpProblem.class, (e, ctx) -> send(ctx, e));
        config.routes.exception(InvalidInputException.class, (e, ctx) -> send(ctx, invalid(e.errors())));
        config.routes.exception(ServiceCatalogue.DuplicateServiceException.class,
                (e, ctx) -> send(ctx, new HttpProblem(409, "Conflict", e.getMessage())));
        config.routes.exception(ServiceCatalogue.UnknownServiceException.class,
                (e, ctx) -> send(ctx, HttpProblem.notFound(e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, new HttpProblem(500, "Internal Server Error", "an unexpected error occurred; it has been logged"));
        });
        config.routes.error(404, "*", ctx -> {
            // Our own 404s (problems, HTML pages) are kept; Javalin's "endpoint not found" becomes a problem.
            String type = ctx.res().getContentType();
            if (type == null || !(type.startsWith(CONTENT_TYPE) || type.startsWith("text/html"))) {
                send(ctx, HttpProblem.notFound("no resource at " + ctx.method() + " " + ctx.path()));
            }
        });
        config.routes.error(405, "*", ctx -> send(ctx,
                new HttpProblem(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
        config.routes.error(413, "*", ctx -> send(ctx,
                new HttpProblem(413, "Content Too Large", "the request body is larger than allowed")));
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
        ObjectNode body = JSON.createObjectNode()
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
