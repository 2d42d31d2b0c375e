package fr.jdma.collector.results;

import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public results: an HTML page per public service, its stylesheet, and the same data as JSON. */
public final class ResultsController {

    private final PublicResults results;

    public ResultsController(PublicResults results) {
        this.results = results;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/resultats/{service}", this::page);
        config.routes.get("/api/v1/public/stats", this::json);
    }

    private void page(Context ctx) {
        results.of(ctx.pathParam("service")).ifPresentOrElse(
                found -> ResultsPage.render(found).publicFor(300).send(ctx, 200),
                () -> ResultsPage.notFound().send(ctx, 404));
    }

    private void json(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        QueryParams params = new QueryParams(ctx.queryParamMap());
        String service = params.required("service", Codes.CODE);
        params.check();
        PublicResults.Results found = results.of(service)
                .orElseThrow(() -> HttpProblem.notFound("no public results for service '" + service + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", found.service().id());
        body.put("name", found.service().name());
        body.put("organisation", found.service().organisation());
        body.put("period", found.period().from() + "/" + found.period().to());
        body.put("groups", found.groups());
        ctx.header("Cache-Control", "public, max-age=300").json(body);
    }
}
