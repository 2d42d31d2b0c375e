package fr.jdma.collector.ops;

import fr.jdma.collector.storage.Database;
import io.javalin.config.JavalinConfig;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** GET /health for load balancers and GET /metrics for Prometheus. */
public final class OpsController {

    private final Database database;
    private final Metrics metrics;

    public OpsController(Database database, Metrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/health", ctx -> {
            Optional<String> problem = database.problem();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", problem.isEmpty() ? "up" : "down");
            body.put("database", database.dialect().name().toLowerCase(Locale.ROOT));
            problem.ifPresent(error -> body.put("error", error));
            database.outage().ifPresent(outage -> body.put("since", outage.since().toString()));
            if (problem.isPresent()) ctx.header("Retry-After", "5");
            ctx.status(problem.isEmpty() ? 200 : 503).header("Cache-Control", "no-store").json(body);
        });
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.prometheusText()));
    }
}
