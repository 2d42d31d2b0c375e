package fr.jdma.collector.export;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/** GET /api/v1/exports/ratings.csv and ratings.xlsx: an analyst's ratings, streamed as they are read. */
public final class ExportController {

    /** Each running export holds a pooled connection until its client has read the last row: never all of them. */
    private static final int MAX_CONCURRENT_EXPORTS = 2;

    private final Semaphore running = new Semaphore(MAX_CONCURRENT_EXPORTS);
    private final AnalystAccess access;
    private final ServiceCatalogue catalogue;
    private final RatingsExport export;
    private final TableDownload download;

    public ExportController(AnalystAccess access, ServiceCatalogue catalogue, RatingsExport export, TableDownload download) {
        this.access = access;
        this.catalogue = catalogue;
        this.export = export;
        this.download = download;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/api/v1/exports/ratings.csv", ctx -> ratings(ctx, TableDownload.Format.CSV));
        config.routes.get("/api/v1/exports/ratings.xlsx", ctx -> ratings(ctx, TableDownload.Format.XLSX));
    }

    private void ratings(Context ctx, TableDownload.Format format) {
        send(ctx, access.authenticate(ctx), ctx.queryParamMap(), format);
    }

    /** The export for someone already authenticated, from its query parameters: one path for every caller. */
    public void send(Context ctx, Analyst analyst, Map<String, List<String>> params, TableDownload.Format format) {
        ExportQuery query = ExportQuery.parse(params);
        Set<String> services = AnalystAccess.readable(analyst, query.service(), catalogue);
        if (!running.tryAcquire()) {
            throw HttpProblem.retryLater(429, "Too Many Requests", MAX_CONCURRENT_EXPORTS
                    + " exports are already running; the ratings must keep a database connection. Retry in a minute.", 60);
        }
        try {
            download.send(ctx, format, query.variant(), query.fileName(), "avis", analyst.name(),
                    table -> export.write(query, services, table));
        } finally {
            running.release();
        }
    }
}
