package fr.jdma.collector.export;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.web.ClientGone;
import fr.jdma.collector.web.Streams;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** GET /api/v1/exports/ratings.csv: an analyst's ratings as CSV, streamed as they are read. */
public final class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    /** Each running export holds a pooled connection until its client has read the last row: never all of them. */
    private static final int MAX_CONCURRENT_EXPORTS = 2;

    private final Semaphore running = new Semaphore(MAX_CONCURRENT_EXPORTS);
    private final AnalystAccess access;
    private final ServiceCatalogue catalogue;
    private final RatingsExport export;

    public ExportController(AnalystAccess access, ServiceCatalogue catalogue, RatingsExport export) {
        this.access = access;
        this.catalogue = catalogue;
        this.export = export;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/api/v1/exports/ratings.csv", this::ratings);
    }

    private void ratings(Context ctx) throws IOException {
        Analyst analyst = access.authenticate(ctx);
        ExportQuery query = ExportQuery.parse(ctx.queryParamMap());
        Set<String> services = AnalystAccess.readable(analyst, query.service(), catalogue);
        if (!running.tryAcquire()) {
            throw HttpProblem.retryLater(429, "Too Many Requests", MAX_CONCURRENT_EXPORTS
                    + " exports are already running; the ratings must keep a database connection. Retry in a minute.", 60);
        }
        try {
            stream(ctx, analyst, query, services);
        } finally {
            running.release();
        }
    }

    private void stream(Context ctx, Analyst analyst, ExportQuery query, Set<String> services) {
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + query.fileName() + "\"")
                .header("Cache-Control", "no-store");
        // From here the status goes out with the first bytes: a failure can only cut the body short.
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
        try {
            export.write(query, services, out);
            out.close();
        } catch (IOException | RuntimeException e) {
            if (ClientGone.in(e)) {
                // Nobody is left to read: aborting again would only make Javalin log a stack trace.
                log.info("export of {} for {} cancelled by the client", query.fileName(), analyst.name());
                return;
            }
            log.warn("export of {} for {} stopped early: {}", query.fileName(), analyst.name(), e.toString());
            Streams.abort(ctx, e);
        }
    }
}
