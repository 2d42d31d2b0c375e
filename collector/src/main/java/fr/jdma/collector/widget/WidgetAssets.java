package fr.jdma.collector.widget;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.web.StaticAsset;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serves the widget built by widget-js (packed in the jar under jdma-widget/): a short-cached
 * /widget/v1/jdma.js that follows releases, and an immutable /widget/v{version}/jdma.js for SRI.
 */
public final class WidgetAssets {

    private static final Logger log = LoggerFactory.getLogger(WidgetAssets.class);

    private final StaticAsset script;
    private final String version;
    private final String integrity;

    private WidgetAssets(byte[] script, String version, String integrity) {
        this.script = new StaticAsset(script, "text/javascript; charset=utf-8");
        this.version = version;
        this.integrity = integrity;
    }

    /** The widget packed in this jar; an empty one (and a warning) when it was not built. */
    public static WidgetAssets fromClasspath() {
        StaticAsset js = StaticAsset.fromClasspath("jdma-widget/jdma.js", "text/javascript; charset=utf-8");
        StaticAsset manifest = StaticAsset.fromClasspath("jdma-widget/manifest.json", "application/json");
        if (js == null || manifest == null) {
            log.warn("the widget is not in this build (run the Maven build from the root): /widget/ will answer 404");
            return new WidgetAssets(new byte[0], "0.0.0", "");
        }
        try {
            JsonNode m = JsonMapping.MAPPER.readTree(manifest.bytes());
            return new WidgetAssets(js.bytes(), m.path("version").asText(), m.path("integrity").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public String integrity() {
        return integrity;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/widget/v1/jdma.js", ctx -> serve(ctx, "public, max-age=300"));
        config.routes.get("/widget/v{version}/jdma.js", ctx -> {
            if (!ctx.pathParam("version").equals(version)) {
                throw fr.jdma.collector.web.HttpProblem.notFound("no widget version " + ctx.pathParam("version")
                        + "; this collector serves " + version);
            }
            serve(ctx, "public, max-age=31536000, immutable");
        });
    }

    private void serve(Context ctx, String cacheControl) {
        if (script.bytes().length == 0) throw fr.jdma.collector.web.HttpProblem.notFound("the widget is not in this build");
        ctx.header("Access-Control-Allow-Origin", "*").header("Cross-Origin-Resource-Policy", "cross-origin");
        script.serve(ctx, cacheControl);
    }
}
