package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.ops.Metrics;
import fr.jdma.collector.web.ClientAddress;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Origins;
import fr.jdma.collector.web.Problems;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * POST /api/v1/ratings: checks at the edge (type, size, JSON, service, origin, fields, rate),
 * then hands the rating to the group-commit writer and answers once it is durably stored.
 */
public final class IngestController {

    public static final int MAX_BODY = 8 * 1024;
    public static final String PATH = "/api/v1/ratings";

    private final ServiceCatalogue catalogue;
    private final RatingParser parser;
    private final GroupCommitWriter writer;
    private final RateLimiter rateLimiter;
    private final ClientAddress clients;
    private final Metrics metrics;
    private final Clock clock;

    public IngestController(ServiceCatalogue catalogue, RatingParser parser, GroupCommitWriter writer,
                            RateLimiter rateLimiter, ClientAddress clients, Metrics metrics, Clock clock) {
        this.catalogue = catalogue;
        this.parser = parser;
        this.writer = writer;
        this.rateLimiter = rateLimiter;
        this.clients = clients;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void routes(JavalinConfig config) {
        // No credentials are ever used, so any page may read the answer; who may *post* is
        // decided by the service's allowed origins below.
        config.routes.before(PATH, ctx -> ctx.header("Access-Control-Allow-Origin", "*"));
        config.routes.options(PATH, ctx -> ctx.status(204)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "86400"));
        config.routes.post(PATH, this::post);
        config.routes.after(PATH, ctx -> metrics.count("jdma_rating_requests_total", "status", ctx.statusCode()));
    }

    private void post(Context ctx) {
        requireJsonOrText(ctx.contentType());
        ObjectNode body = parser.readObject(readAtMost(ctx, MAX_BODY));
        String serviceId = parser.serviceOf(body);
        Service service = catalogue.find(serviceId).filter(Service::enabled)
                .orElseThrow(() -> HttpProblem.notFound("no enabled service with id '" + serviceId + "'"));
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            throw HttpProblem.forbidden("the Origin header is missing: ratings are accepted from the service's own pages only");
        }
        if (!service.allowsOrigin(origin) && !Origins.isCollectorItself(ctx, origin)) {
            throw HttpProblem.forbidden("origin " + origin + " is not among the allowed origins of service '" + serviceId + "'");
        }
        Rating rating = parser.parse(body, Set.copyOf(service.hiddenQuestions()), clock.instant());
        long wait = rateLimiter.secondsToWait(clients.of(ctx), serviceId);
        if (wait > 0) {
            throw HttpProblem.retryLater(429, "Too Many Requests",
                    "too many ratings from this client for service '" + serviceId + "'; retry in " + wait + " s", wait);
        }
        ctx.future(() -> writer.submit(rating).handle((outcome, failure) -> {
            if (failure != null) {
                Problems.send(ctx, HttpProblem.retryLater(503, "Service Unavailable",
                        "the rating could not be stored now (" + rootMessage(failure) + "); retry later", 2));
            } else {
                answer(ctx, rating.id(), outcome);
            }
            return null;
        }));
    }

    /** 201 when stored, 200 for a replay (same body) or a completion, 409 when the id is taken otherwise. */
    private static void answer(Context ctx, String id, GroupCommitWriter.Outcome outcome) {
        switch (outcome.kind()) {
            case CREATED -> ctx.status(201).json(Map.of("id", id));
            case REPLAYED -> ctx.status(200).json(Map.of("id", id));
            case COMPLETED -> ctx.status(200).json(new CompletedAnswer(id, true));
            case CONFLICT -> Problems.send(ctx, new HttpProblem(409, "Conflict", outcome.conflict()));
        }
    }

    /** The answer to a completion, and to any replay once the rating is completed. */
    record CompletedAnswer(String id, boolean completed) {
    }

    private static void requireJsonOrText(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.equals("text/plain")) {
            throw new HttpProblem(415, "Unsupported Media Type",
                    "send the rating as application/json or text/plain (JSON text), got '" + (contentType == null ? "none" : contentType) + "'");
        }
        if (type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8")) {
            throw new HttpProblem(415, "Unsupported Media Type", "the rating must be encoded in UTF-8");
        }
    }

    /** Reads the body, chunked or not, refusing it as soon as it passes the limit. */
    private static byte[] readAtMost(Context ctx, int limit) {
        if (ctx.contentLength() > limit) throw tooLarge(limit);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) throw tooLarge(limit);
            return bytes;
        } catch (IOException e) {
            throw new HttpProblem(400, "Bad Request", "the body could not be read: " + e.getMessage(),
                    List.of(), Map.of());
        }
    }

    private static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "Content Too Large", "a rating must be at most " + limit + " bytes");
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof GroupCommitWriter.UnavailableException)) t = t.getCause();
        return t.getMessage();
    }
}
