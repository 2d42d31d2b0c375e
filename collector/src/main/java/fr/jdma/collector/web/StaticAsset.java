package fr.jdma.collector.web;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A file of the jar served from memory, read once: its ETag (a 304 to a matching If-None-Match),
 * gzipped when the client accepts it. The widget and the stylesheet. Javalin's static files mounted
 * the whole 12,000-entry jar as a zip file system, four times: 7 MB of heap for one stylesheet.
 */
public final class StaticAsset {

    private final byte[] bytes;
    private final byte[] gzipped;
    private final String etag;
    private final String contentType;

    public StaticAsset(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.gzipped = gzip(bytes);
        this.etag = "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
        this.contentType = contentType;
    }

    /** The named resource of the jar, or null when this build does not have it. */
    public static StaticAsset fromClasspath(String name, String contentType) {
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new StaticAsset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The file with its own headers and the given Cache-Control; 304 when the client holds this version. */
    public void serve(Context ctx, String cacheControl) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", cacheControl)
                .header("ETag", etag)
                .header("Vary", "Accept-Encoding")
                .contentType(contentType);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
        } else if (Gzip.accepted(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip").result(gzipped);
        } else {
            ctx.result(bytes);
        }
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
