package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.jdma.collector.web.Html.escape;

/** The public results: an HTML page per public service, the same data as JSON, and as open data. */
public final class ResultsController {

    /** Enough to choose between the Saint-Denis of France. */
    static final int MAX_MATCHES = 30;

    private final PublicResults results;
    private final OpenData openData;
    private final ResultsPage page;

    public ResultsController(PublicResults results, OpenData openData) {
        this.results = results;
        this.openData = openData;
        this.page = new ResultsPage(results);
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/resultats/{service}", this::page);
        config.routes.get("/api/v1/public/stats", this::json);
        config.routes.get("/api/v1/public/opendata.csv", this::openData);
    }

    private void page(Context ctx) {
        Optional<Service> found = results.service(ctx.pathParam("service"));
        if (found.isEmpty()) {
            shell("Page introuvable", ResultsPage.notFoundMain()).send(ctx, 404);
            return;
        }
        Service service = found.get();
        ResultsRequest request = ResultsRequest.parse(ctx.queryParamMap());
        if (!request.errors().isEmpty()) {
            shell("Adresse incorrecte", ResultsPage.badRequestMain(request.errors())).send(ctx, 400);
            return;
        }
        if (request.onePlace() && !results.names().exists(request.level(), request.code())) {
            // an arrondissement or a commune déléguée asked as a commune: its commune's page
            Optional<Geography.Commune> commune = request.level() == GeoLevel.COMMUNE
                    ? results.names().geography().commune(request.code()) : Optional.empty();
            if (commune.isPresent()) {
                ctx.redirect(ResultsRequest.href(service.id(), GeoLevel.COMMUNE, commune.get().communeCode()), HttpStatus.SEE_OTHER);
            } else {
                shell("Lieu introuvable", "<h1>Lieu introuvable</h1>\n<p>Aucun lieu de niveau « " + escape(request.level().label())
                        + " » n'a le code « " + escape(request.code()) + " ». <a href=\"/resultats/" + escape(service.id())
                        + "\">Voir tous les résultats du service</a>.</p>\n").send(ctx, 404);
            }
            return;
        }
        List<Geography.Commune> matches = request.query() == null ? List.of() : results.names().search(request.query(), MAX_MATCHES);
        if (matches.size() == 1) {
            ctx.redirect(ResultsRequest.href(service.id(), GeoLevel.COMMUNE, matches.get(0).communeCode()), HttpStatus.SEE_OTHER);
            return;
        }
        shell("Résultats : " + service.name(), page.main(service, request, matches)).publicFor(300).send(ctx, 200);
    }

    private static Page shell(String title, String main) {
        return Page.titled(title).tagline("Résultats de satisfaction des usagers")
                .footerNote("Données issues des avis déposés par les usagers, mises à jour en continu.").main(main);
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

    /** The indicators in the Etalab schema, for open-data portals: any site may fetch it. */
    private void openData(Context ctx) throws IOException {
        ctx.header("Access-Control-Allow-Origin", "*");
        QueryParams params = new QueryParams(ctx.queryParamMap());
        String id = params.required("service", Codes.CODE);
        params.check();
        Service service = results.service(id)
                .orElseThrow(() -> HttpProblem.notFound("no public results for service '" + id + "'"));
        StringWriter out = new StringWriter();
        openData.write(service, results.today(), out);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"jdma-" + service.id() + "-donnees-ouvertes.csv\"")
                .header("Cache-Control", "public, max-age=3600")
                .result(out.toString());
    }
}
