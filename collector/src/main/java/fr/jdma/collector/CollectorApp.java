package fr.jdma.collector;

import fr.jdma.collector.access.AdminAccess;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.access.AnalystTokens;
import fr.jdma.collector.access.TokensController;
import fr.jdma.collector.backup.BackupController;
import fr.jdma.collector.backup.ScheduledBackup;
import fr.jdma.collector.backup.Snapshots;
import fr.jdma.collector.backoffice.BackOffice;
import fr.jdma.collector.catalogue.CatalogueController;
import fr.jdma.collector.catalogue.RefusedOrigins;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.demo.Demo;
import fr.jdma.collector.demo.DemoResults;
import fr.jdma.collector.form.FormController;
import fr.jdma.collector.export.ExportController;
import fr.jdma.collector.export.RatingsExport;
import fr.jdma.collector.export.TableDownload;
import fr.jdma.collector.ingest.GroupCommitWriter;
import fr.jdma.collector.ingest.IngestController;
import fr.jdma.collector.ingest.ClientKey;
import fr.jdma.collector.ingest.DuplicateComments;
import fr.jdma.collector.ingest.RateLimiter;
import fr.jdma.collector.ingest.RatingIntake;
import fr.jdma.collector.ingest.RatingParser;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.moderation.Moderation;
import fr.jdma.collector.moderation.ModerationAccess;
import fr.jdma.collector.moderation.ModerationController;
import fr.jdma.collector.ops.Metrics;
import fr.jdma.collector.privacy.PrivacyPage;
import fr.jdma.collector.ops.OpsController;
import fr.jdma.collector.ops.RefusedOriginLog;
import fr.jdma.collector.ops.RetentionPurge;
import fr.jdma.collector.ops.RuntimeGauges;
import fr.jdma.collector.ops.WarmUp;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.results.OpenData;
import fr.jdma.collector.results.PlaceNames;
import fr.jdma.collector.results.PublicResults;
import fr.jdma.collector.results.ResultsController;
import fr.jdma.collector.stats.RollupReader;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsController;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.HeadAsGet;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Page;
import fr.jdma.collector.web.Problems;
import fr.jdma.collector.web.WholeBodies;
import fr.jdma.collector.widget.SnippetPage;
import fr.jdma.collector.widget.WidgetAssets;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the collector's parts by constructor and builds its Javalin app. No static state:
 * tests start as many independent collectors as they like.
 */
public final class CollectorApp implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CollectorApp.class);
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** Jetty's threads: enough for two cores, since no handler blocks on the disk (see the pool's comment). */
    static final int HTTP_THREADS = 48;
    static final int HEADER_CACHE_SIZE = 256;
    static final int RESULT_COPY_BYTES = 2048;

    private final Config config;
    private final Database database;
    private final GroupCommitWriter writer;
    private final RetentionPurge retention;
    private final ScheduledBackup scheduledBackup;
    private final RefusedOriginLog refusedOriginLog = new RefusedOriginLog(java.time.Duration.ofMinutes(5));
    private final RefusedOrigins refusedOrigins;
    private final Javalin javalin;
    /** What runs once the collector answers: in demo mode, seeding the synthetic year in the background. */
    private final Runnable afterStart;
    /** How long the start's warm-up may compute the indicators the first readers ask for. */
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(30);

    public CollectorApp(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        Metrics metrics = new Metrics();
        ServiceCatalogue catalogue = new ServiceCatalogue(database, clock);
        AdminAccess admin = AdminAccess.open(database, config.adminToken());
        // Handlers never wait on the disk (a rating waits for its group commit off-thread, a slow
        // body is gathered without a thread): a few dozen threads keep two cores busy, where
        // Jetty's default of 250 cost 20 MB of stacks and context switches under 256 connections.
        // The writer hands them the answers of each committed batch.
        QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 4);
        threads.setName("jdma-http");
        this.writer = new GroupCommitWriter(new RatingStore(database), config.writerQueueCapacity(), threads);
        ClientKey clientKey = new ClientKey();
        RateLimiter rateLimiter = new RateLimiter(config.rateLimitPerMinute(), clock, clientKey);
        Forwarded forwarded = new Forwarded(config.trustProxy());
        WidgetAssets widget = WidgetAssets.fromClasspath();
        if (config.demo()) Demo.ensureService(catalogue);
        this.retention = new RetentionPurge(database, clock, config.retentionDays());
        Snapshots snapshots = new Snapshots(database, clock);
        this.scheduledBackup = new ScheduledBackup(snapshots, config.backups(), clock);
        var backups = new BackupController(snapshots, clock);
        this.refusedOrigins = new RefusedOrigins(database, clock);

        metrics.describe("jdma_rating_requests_total", "POST /api/v1/ratings answers, by status");
        metrics.gauge("jdma_writer_queue", "ratings waiting for the group-commit writer", writer::queued);
        metrics.counter("jdma_ratings_written_total", "ratings stored since start", writer::written);
        metrics.counter("jdma_write_batches_total", "group-commit transactions since start", writer::batches);
        metrics.counter("jdma_backups_total", "backups written since start (scheduled or downloaded)", snapshots::written);
        metrics.counter("jdma_backup_failures_total", "backups that failed since start", snapshots::failed);
        metrics.gauge("jdma_backup_last_success_timestamp_seconds", "when the last backup succeeded (epoch seconds, 0 = none yet)",
                snapshots::lastSuccessSeconds);
        RuntimeGauges.register(metrics, database);

        var intake = new RatingIntake(catalogue, new RatingParser(), writer, rateLimiter,
                new DuplicateComments(clock, clientKey), clock);
        metrics.describe("jdma_discarded_ratings_total", "robots' answers answered as usual but not stored, by reason");
        intake.onOutcome(outcome -> {
            if (outcome instanceof RatingIntake.Outcome.Discarded discarded) {
                metrics.count("jdma_discarded_ratings_total", "reason", discarded.reason().wire());
            }
        });
        var ingest = new IngestController(intake, forwarded, metrics, database::isOutage);
        var form = new FormController(catalogue, intake, forwarded, clock);
        // The back office lists, per service, the sites whose ratings were refused (in memory, flushed in batches).
        intake.onOutcome(outcome -> {
            if (outcome instanceof RatingIntake.Outcome.OriginRefused refused) refusedOrigins.record(refused.service().id(), refused.origin());
        });
        intake.onOutcome(refusedOriginLog::observe);
        var catalogueApi = new CatalogueController(catalogue);
        var ops = new OpsController(database, metrics);
        var snippets = new SnippetPage(catalogue, widget, forwarded);
        var analystTokens = new AnalystTokens(database, clock);
        var analysts = new AnalystAccess(admin, analystTokens);
        var tokensApi = new TokensController(analystTokens, catalogue);
        var downloads = new TableDownload(config.xlsxRowsPerSheet());
        var exports = new ExportController(analysts, catalogue, new RatingsExport(database), downloads);
        Geography geography = Geography.official();
        RollupReader rollups = new RollupReader(database);
        metrics.counter("jdma_indicator_sums_total", "indicator totals summed from the rollups rather than served again", rollups::sums);
        var statistics = new Statistics(rollups, geography);
        var stats = new StatsController(analysts, catalogue, statistics, downloads);
        if (config.demo()) DemoResults.ensureService(catalogue);
        this.afterStart = config.demo() ? () -> DemoResults.seedInBackground(statistics, new RatingStore(database), clock) : () -> { };
        var comments = new Moderation(database, clock);
        var moderation = new ModerationController(new ModerationAccess(admin, analysts), catalogue, comments);
        var placeNames = new PlaceNames(geography);
        var results = new PublicResults(catalogue, statistics, placeNames, clock);
        var publicResults = new ResultsController(results, new OpenData(statistics));
        // Started as soon as its parts exist, not in start(): the warm-up computes what the first readers ask for on the
        // second core while the back office and Javalin are built and Jetty starts, and a reader who comes meanwhile
        // waits for the same computation. The first by=location after a start came about twice as soon; earlier still
        // (before the rest of the wiring) slowed the start by 0.1 s (bench/findings.md, seventh round, "The first by=location after a start").
        new WarmUp(catalogue, statistics, results, WARM_UP_BUDGET).startInBackground();
        var backOffice = new BackOffice(new BackOffice.Parts(database, clock, admin, analystTokens, catalogue, refusedOrigins,
                statistics, placeNames, exports, stats, comments, widget, forwarded));

        this.javalin = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.maxRequestSize = MAX_REQUEST_BYTES;
            c.http.prefer405over404 = true;
            // The block Javalin allocates to copy each ctx.result into the response: Jetty's output buffer size (32 KB)
            // by default, for a 20-byte acknowledgement a quarter of all the bytes the collector allocated under load
            // (an allocation profile, docs/benchmarks.md). Jetty keeps buffering the response as before.
            c.http.responseBufferSize = RESULT_COPY_BYTES;
            c.jsonMapper(new JavalinJackson(JsonMapping.MAPPER, false));
            c.jetty.port = config.port();
            c.jetty.threadPool = threads;
            // Each connection keeps a cache of the header fields it has seen, Jetty's default sized for
            // 1,024 characters: a 96 KB table per connection (a heap dump under 256 connections: 25 MB of
            // a 128 MB heap). A browser's cacheable headers fit in 256.
            c.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_SIZE));
            // Javalin puts its servlet context inside the innermost of these wrappers: the rating door, which answers
            // POST /api/v1/ratings once WholeBodies holds its body and hands every other request to Javalin.
            c.jetty.modifyServer(server -> server.setHandler(new HeadAsGet(
                    new WholeBodies(Duration.ofSeconds(config.bodyTimeoutSeconds()), MAX_REQUEST_BYTES, ingest.door()))));
            c.routes.before("/api/v1/admin/*", ctx -> {
                if (!admin.accepts(ctx.header("Authorization"))) {
                    throw HttpProblem.unauthorized("an admin token is required: Authorization: Bearer <JDMA_ADMIN_TOKEN>");
                }
            });
            Problems.register(c, database::isOutage);
            Page.routes(c);
            ingest.routes(c);
            catalogueApi.routes(c);
            form.routes(c);
            tokensApi.routes(c);
            exports.routes(c);
            stats.routes(c);
            moderation.routes(c);
            new PrivacyPage(config.retentionDays()).routes(c);
            publicResults.routes(c);
            ops.routes(c);
            backups.routes(c);
            widget.routes(c);
            snippets.routes(c);
            backOffice.routes(c);
            if (config.demo()) Demo.routes(c);
        });
    }

    public CollectorApp start() {
        retention.start();
        scheduledBackup.start();
        refusedOrigins.start();
        refusedOriginLog.start();
        javalin.start();
        afterStart.run();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public Config config() {
        return config;
    }

    /** Stops taking requests, writes every rating already accepted, then closes the database. */
    @Override
    public void close() {
        javalin.stop();
        retention.close();
        scheduledBackup.close();
        refusedOrigins.close();
        refusedOriginLog.close();
        writer.close();
        database.close();
        log.info("stopped: {} ratings written in {} group commits since start", writer.written(), writer.batches());
    }
}
