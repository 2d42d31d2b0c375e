package fr.jdma.collector.stats;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.export.CsvWriter;
import fr.jdma.collector.export.TableDownload;
import fr.jdma.collector.export.TableWriter;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.web.StreamedJson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** GET /api/v1/stats (JSON), /api/v1/stats.csv and /api/v1/stats.xlsx: the indicators an analyst's token may read. */
public final class StatsController {

    public static final List<String> CSV_COLUMNS = List.of("service", "location", "period", "answers",
            "satisfaction_score", "satisfaction_level", "good", "average", "bad", "clarity_score", "clarity_answers",
            "help_reached_percent", "help_reached_answers", "help_quality_score", "help_quality_answers",
            "autonomy_score", "autonomy_answers");

    private final AnalystAccess access;
    private final ServiceCatalogue catalogue;
    private final Statistics statistics;
    private final TableDownload download;

    public StatsController(AnalystAccess access, ServiceCatalogue catalogue, Statistics statistics, TableDownload download) {
        this.download = download;
        this.access = access;
        this.catalogue = catalogue;
        this.statistics = statistics;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/api/v1/stats", ctx -> {
            Answer answer = answer(access.authenticate(ctx), ctx.queryParamMap());
            ctx.header("Cache-Control", "no-store");
            StreamedJson.send(ctx, "groups", answer.groups());
        });
        config.routes.get("/api/v1/stats.csv",
                ctx -> table(ctx, access.authenticate(ctx), ctx.queryParamMap(), TableDownload.Format.CSV));
        config.routes.get("/api/v1/stats.xlsx",
                ctx -> table(ctx, access.authenticate(ctx), ctx.queryParamMap(), TableDownload.Format.XLSX));
    }

    /** A checked query and the groups it answers, produced while they are sent. */
    private record Answer(StatsQuery query, StreamedJson.Items<Indicators> groups) {
    }

    /** The query's groups, for its service or, without one, for every service the token may read. */
    private Answer answer(Analyst analyst, Map<String, List<String>> params) {
        StatsQuery query = StatsQuery.parse(params);
        Set<String> readable = AnalystAccess.readable(analyst, query.service(), catalogue);
        // a named service was checked to exist: only a query without one reads the catalogue
        List<String> services = query.service() != null ? List.of(query.service())
                : catalogue.ids().stream().filter(id -> readable == null || readable.contains(id)).sorted().toList();
        return new Answer(query, each -> services.forEach(service -> statistics.indicators(query.forService(service), each)));
    }

    /**
     * The same groups as the JSON, one row each, for someone already authenticated; {@code excel=true}
     * shapes the CSV for spreadsheets.
     */
    public void table(Context ctx, Analyst analyst, Map<String, List<String>> queryParams, TableDownload.Format format) {
        Answer answer = answer(analyst, queryParams);
        StatsQuery query = answer.query();
        QueryParams params = new QueryParams(queryParams);
        boolean excel = params.flag("excel");
        params.check();
        String from = query.period().from() == null ? "debut" : query.period().from().toString();
        String to = query.period().to() == null ? "fin" : query.period().to().toString();
        String name = "jdma-stats-" + (query.service() == null ? "tous" : query.service()) + "-" + from + "-" + to;
        download.send(ctx, format, excel ? CsvWriter.Variant.EXCEL : CsvWriter.Variant.STANDARD, name, "indicateurs",
                analyst.name(), table -> write(answer.groups(), table));
    }

    private static void write(StreamedJson.Items<Indicators> groups, TableWriter table) throws IOException {
        table.header(CSV_COLUMNS);
        groups.each(g -> {
            try {
                row(g, table);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void row(Indicators g, TableWriter table) throws IOException {
        {
            table.code(g.service()).code(g.location()).text(g.period()).number(g.answers())
                    .number(g.satisfaction().score()).text(g.satisfaction().level().code())
                    .number(g.satisfaction().good()).number(g.satisfaction().average()).number(g.satisfaction().bad())
                    .number(g.clarity().score()).number(g.clarity().answers())
                    .number(g.helpReached().percent()).number(g.helpReached().answers())
                    .number(g.helpQuality().score()).number(g.helpQuality().answers())
                    .number(g.autonomy().score()).number(g.autonomy().answers());
            table.endRow();
        }
    }
}
