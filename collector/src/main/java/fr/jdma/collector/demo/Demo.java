package fr.jdma.collector.demo;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Demo mode (JDMA_DEMO=true): a public demo service and the example agency pages of
 * examples/, so that a fresh clone shows a working button at once.
 */
public final class Demo {

    public static final String SERVICE_ID = "aide-logement";
    /** The policy of the strict example pages: no inline script or style, Trusted Types required. */
    public static final String STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
            + "require-trusted-types-for 'script'";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9._-]*\\.(html|css|svg|png|js)");

    private Demo() {
    }

    public static void ensureService(ServiceCatalogue catalogue) {
        if (catalogue.find(SERVICE_ID).isEmpty()) {
            catalogue.create(new Service(SERVICE_ID, "Demande d'aide au logement", "Caisse d'allocations familiales (démonstration)",
                    List.of(), true, List.of(), true, Map.of()));
        }
    }

    public static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.redirect("/examples/index.html"));
        config.routes.get("/examples", ctx -> ctx.redirect("/examples/index.html"));
        config.routes.get("/examples/", ctx -> ctx.redirect("/examples/index.html"));
        config.routes.get("/examples/{file}", Demo::example);
    }

    private static void example(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        InputStream in = FILE.matcher(file).matches()
                ? Demo.class.getClassLoader().getResourceAsStream("examples/" + file) : null;
        if (in == null) throw HttpProblem.notFound("no example page " + file);
        try (in) {
            if (file.contains("strict-csp")) ctx.header("Content-Security-Policy", STRICT_CSP);
            ctx.header("Cache-Control", "no-cache").contentType(contentType(file)).result(in.readAllBytes());
        }
    }

    private static String contentType(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> "text/javascript; charset=utf-8";
        };
    }
}
