package fr.jdma.collector.widget;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.web.HttpProblem;
import fr.jdma.collector.web.StaticAsset;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the widget built by widget-js (packed in the jar under jdma-widget/): a short-cached /widget/v1/jdma.js that
 * follows releases, and an immutable /widget/v{version}/jdma.js for SRI, for this version and every one released
 * before it (jdma-widget/releases/, widget-js/releases/ in the sources): a site that pinned an older version with its
 * integrity hash keeps working after the collector is upgraded.
 */
public final class WidgetAssets {

    private static final Logger log = LoggerFactory.getLogger(WidgetAssets.class);
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final StaticAsset script;
    private final String version;
    private final String integrity;
    /** Every version served under its own path, the current one included, oldest first. */
    private final Map<String, StaticAsset> released;

    private WidgetAssets(StaticAsset script, String version, String integrity, Map<String, StaticAsset> released) {
        this.script = script;
        this.version = version;
        this.integrity = integrity;
        this.released = released;
    }

    /** The widget packed in this jar; an empty one (and a warning) when it was not built. */
    public static WidgetAssets fromClasspath() {
        StaticAsset js = StaticAsset.fromClasspath("jdma-widget/jdma.js", JAVASCRIPT);
        StaticAsset manifest = StaticAsset.fromClasspath("jdma-widget/manifest.json", "application/json");
        if (js == null || manifest == null) {
            log.warn("the widget is not in this build (run the Maven build from the root): /widget/ will answer 404");
            return new WidgetAssets(new StaticAsset(new byte[0], JAVASCRIPT), "0.0.0", "", Map.of());
        }
        try {
            JsonNode m = JsonMapping.MAPPER.readTree(manifest.bytes());
            String version = m.path("version").asText();
            List<String> versions = new ArrayList<>();
            m.path("releases").fieldNames().forEachRemaining(versions::add);
            versions.sort(Comparator.comparing(WidgetAssets::numbers, Arrays::compare));
            Map<String, StaticAsset> released = new LinkedHashMap<>();
            for (String v : versions) {
                // the current version's release holds the same bytes as jdma.js (the build checks it): served from one copy
                StaticAsset file = v.equals(version) ? js : StaticAsset.fromClasspath("jdma-widget/releases/" + v + ".js", JAVASCRIPT);
                if (file == null) throw new IllegalStateException("the widget's manifest names release " + v + ", which this build does not hold");
                released.put(v, file);
            }
            released.putIfAbsent(version, js); // a build from before releases/ named none
            return new WidgetAssets(js, version, m.path("integrity").asText(), released);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1.10.2" as {1, 10, 2}, so that 1.10 comes after 1.9. */
    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    public String version() {
        return version;
    }

    public String integrity() {
        return integrity;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/widget/v1/jdma.js", ctx -> serve(ctx, script, "public, max-age=300"));
        config.routes.get("/widget/v{version}/jdma.js", ctx -> {
            StaticAsset file = released.get(ctx.pathParam("version"));
            if (file == null) {
                throw HttpProblem.notFound("no widget version " + ctx.pathParam("version") + "; this collector serves "
                        + (released.isEmpty() ? "none" : String.join(", ", released.keySet())));
            }
            serve(ctx, file, "public, max-age=31536000, immutable");
        });
    }

    private static void serve(Context ctx, StaticAsset file, String cacheControl) {
        if (file.bytes().length == 0) throw HttpProblem.notFound("the widget is not in this build");
        ctx.header("Access-Control-Allow-Origin", "*").header("Cross-Origin-Resource-Policy", "cross-origin");
        file.serve(ctx, cacheControl);
    }
}
