package fr.jdma.collector.widget;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.input.JsonMapping;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the widget built by widget-js (packed in the jar under jdma-widget/): a short-cached
 * /widget/v1/jdma.js that follows releases, and an immutable /widget/v{version}/jdma.js for SRI.
 */
public final class WidgetAssets {

    private static final Logger log = LoggerFactory.getLogger(WidgetAssets.class);

    private final byte[] script;
    private final byte[] gzipped;
    private final String etag;
    private final String version;
    private final String integrity;

    private WidgetAssets(byte[] script, String version, String integrity) {
        this.script = script;
        this.gzipped = gzip(script);
        this.etag = "\"" + HexFormat.of().formatHex(sha256(script), 0, 16) + "\"";
        this.version = version;
        this.integrity = integrity;
    }

    /** The widget packed in this jar; an empty one (and a warning) when it was not built. */
    public static WidgetAssets fromClasspath() {
        try (InputStream js = resource("jdma-widget/jdma.js"); InputStream manifest = resource("jdma-widget/manifest.json")) {
            if (js == null || manifest == null) {
                log.warn("the widget is not in this build (run the Maven build from the root): /widget/ will answer 404");
                return new WidgetAssets(new byte[0], "0.0.0", "");
            }
            JsonNode m = JsonMapping.MAPPER.readTree(manifest);
            return new WidgetAssets(js.readAllBytes(), m.path("version").asText(), m.path("integrity").asText());
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
        if (script.length == 0) throw fr.jdma.collector.web.HttpProblem.notFound("the widget is not in this build");
        ctx.header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", cacheControl)
                .header("ETag", etag)
                .header("Vary", "Accept-Encoding")
                .contentType("text/javascript; charset=utf-8");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip").result(gzipped);
        } else {
            ctx.result(script);
        }
    }

    private static InputStream resource(String name) {
        return WidgetAssets.class.getClassLoader().getResourceAsStream(name);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
