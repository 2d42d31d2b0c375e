package fr.jdma.collector.stats;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.export.CsvWriter;
import fr.jdma.collector.input.QueryParams;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;
import java.util.Map;

/** GET /api/v1/stats (JSON) and /api/v1/stats.csv: the indicators an analyst's token may read. */
public final class StatsController {

    public static final List<String> CSV_COLUMNS = List.of("service", "location", "period", "answers",
            "satisfaction_score", "satisfaction_level", "good", "average", "bad", "clarity_score", "clarity_answers",
            "help_reached_percent", "help_reached_answers", "help_quality_score", "help_quality_answers",
            "autonomy_score", "autonomy_answers");

    private final AnalystAccess access;
    private final ServiceCatalogue catalogue;
    private final Statistics statistics;

    public StatsController(AnalystAccess access, ServiceCatalogue catalogue, Statistics statistics) {
        this.access = access;
        this.catalogue = catalogue;
        this.statistics = statistics;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/api/v1/stats", ctx -> ctx.header("Cache-Control", "no-store")
                .json(Map.of("groups", answer(access.authenticate(ctx), ctx.queryParamMap()).groups())));
        config.routes.get("/api/v1/stats.csv", this::csv);
    }

    private record Answer(StatsQuery query, List<Indicators> groups) {
    }

    /** The query's groups, for its service or, without one, for every service the token may read. */
    private Answer answer(Analyst analyst, Map<String, List<String>> params) {
        StatsQuery query = StatsQuery.parse(params);
        Set<String> readable = AnalystAccess.readable(analyst, query.service(), catalogue);
        List<String> services = catalogue.list().stream().map(s -> s.id())
                .filter(id -> readable == null || readable.contains(id)).sorted().toList();
        List<Indicators> groups = new ArrayList<>();
        for (String service : services) groups.addAll(statistics.indicators(query.forService(service)));
        return new Answer(query, groups);
    }

    private void csv(Context ctx) throws IOException {
        csv(ctx, access.authenticate(ctx), ctx.queryParamMap());
    }

    /** stats.csv for someone already authenticated (bearer token, or the back office's session): the same bytes either way. */
    public void csv(Context ctx, Analyst analyst, Map<String, List<String>> queryParams) throws IOException {
        Answer answer = answer(analyst, queryParams);
        StatsQuery query = answer.query();
        QueryParams params = new QueryParams(queryParams);
        boolean excel = params.flag("excel");
        params.check();
        // A few rows per location and period: built in memory, unlike the ratings export.
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, excel ? CsvWriter.Variant.EXCEL : CsvWriter.Variant.STANDARD);
        csv.row(CSV_COLUMNS.toArray(String[]::new));
        for (Indicators g : answer.groups()) {
            csv.cell(g.service()).cell(g.location()).cell(g.period()).cell(g.answers())
                    .cell(g.satisfaction().score()).cell(g.satisfaction().level().code())
                    .cell(g.satisfaction().good()).cell(g.satisfaction().average()).cell(g.satisfaction().bad())
                    .cell(g.clarity().score()).cell(g.clarity().answers())
                    .cell(g.helpReached().percent()).cell(g.helpReached().answers())
                    .cell(g.helpQuality().score()).cell(g.helpQuality().answers())
                    .cell(g.autonomy().score()).cell(g.autonomy().answers())
                    .endRow();
        }
        String from = query.period().from() == null ? "debut" : query.period().from().toString();
        String to = query.period().to() == null ? "fin" : query.period().to().toString();
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"jdma-stats-" + (query.service() == null ? "tous" : query.service()) + "-" + from + "-" + to + ".csv\"")
                .header("Cache-Control", "no-store")
                .result(out.toString());
    }
}
