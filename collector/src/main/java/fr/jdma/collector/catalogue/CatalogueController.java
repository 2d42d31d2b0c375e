package fr.jdma.collector.catalogue;

import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** The administrator's service catalogue, and the little the widget may read of it. */
public final class CatalogueController {

    private final ServiceCatalogue catalogue;

    public CatalogueController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Routes under /api/v1/admin are guarded by {@link fr.jdma.collector.access.AdminAccess} in the app. */
    public void routes(JavalinConfig config) {
        config.routes.post("/api/v1/admin/services", this::create);
        config.routes.get("/api/v1/admin/services", ctx -> ctx.json(catalogue.list()));
        config.routes.get("/api/v1/admin/services/{id}", ctx -> ctx.json(existing(ctx.pathParam("id"))));
        config.routes.put("/api/v1/admin/services/{id}", this::update);
        config.routes.get("/api/v1/public/services/{id}", this::publicView);
    }

    private void create(Context ctx) {
        Service service = catalogue.create(ServiceParser.parse(Json.read(ctx), null));
        ctx.status(201).header("Location", "/api/v1/admin/services/" + service.id()).json(service);
    }

    /** Fields left out keep their current value: changing one setting never wipes the others. */
    private void update(Context ctx) {
        Service current = existing(ctx.pathParam("id"));
        ctx.json(catalogue.update(ServiceParser.merge(current, Json.read(ctx))));
    }

    /** What the widget needs to build its form: the name and the questions to leave out. */
    private void publicView(Context ctx) {
        Service service = catalogue.find(ctx.pathParam("id")).filter(Service::enabled)
                .orElseThrow(() -> HttpProblem.notFound("no enabled service with id '" + ctx.pathParam("id") + "'"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", service.id());
        view.put("name", service.name());
        view.put("hiddenQuestions", service.hiddenQuestions());
        ctx.header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=60")
                .json(view);
    }

    private Service existing(String id) {
        return catalogue.find(id).orElseThrow(() -> new ServiceCatalogue.UnknownServiceException(id));
    }
}
