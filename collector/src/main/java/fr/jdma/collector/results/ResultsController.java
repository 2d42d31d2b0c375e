package fr.jdma.collector.results;

import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public results: an HTML page per public service, its stylesheet, and the same data as JSON. */
public final class ResultsController {

    /** Nothing but our own stylesheet: no script at all, no inline style, no framing. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final PublicResults results;
    private final byte[] css;

    public ResultsController(PublicResults results) {
        this.results = results;
        this.css = resource("/results/results.css");
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/resultats/{service}", this::page);
        config.routes.get("/assets/results.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .result(css));
        config.routes.get("/api/v1/public/stats", this::json);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        results.of(ctx.pathParam("service")).ifPresentOrElse(
                found -> ctx.header("Cache-Control", "public, max-age=300").html(ResultsPage.render(found)),
                () -> ctx.status(404).html(ResultsPage.notFound()));
    }

    private void json(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        QueryParams params = new QueryParams(ctx.queryParamMap());
        String service = params.required("service", Codes.CODE);
        String level = params.choice("level", GeoLevel.words(), null);
        params.check();
        PublicResults.Results found = results.service(service)
                .map(s -> results.of(s, level == null ? null : GeoLevel.of(level)))
                .orElseThrow(() -> HttpProblem.notFound("no public results for service '" + service + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", found.service().id());
        body.put("name", found.service().name());
        body.put("organisation", found.service().organisation());
        body.put("period", found.period().from() + "/" + found.period().to());
        if (level != null) body.put("level", level);
        body.put("groups", found.groups());
        // each group's location (or place) code -> its name: "75056" -> "Paris", "caf-94" -> the service's name for it
        body.put("names", found.names());
        ctx.header("Cache-Control", "public, max-age=300").json(body);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ResultsController.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
