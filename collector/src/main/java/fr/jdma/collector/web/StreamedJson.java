package fr.jdma.collector.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.jdma.collector.input.JsonMapping;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON answer {@code {"<field>": [item, …]}} written while its items are produced, gzipped when the
 * client accepts it: memory stays flat however many items there are (60,000 groups of a stats
 * query by month and location are 15 MB of JSON). Items are written by the collector's one mapper,
 * exactly as a whole answer would be.
 */
public final class StreamedJson {

    /** The one mapper, without its flush after every value: the items go out as the buffers fill. */
    private static final ObjectWriter ITEM = JsonMapping.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** Hands every item to the sink, in answer order. */
    @FunctionalInterface
    public interface Items<T> {
        void each(Consumer<T> sink);
    }

    private StreamedJson() {
    }

    /** Sends the items; a failure half-way is {@link Streams#failed}'s. */
    public static <T> void send(Context ctx, String field, Items<T> items) {
        boolean gzip = Gzip.accepted(ctx.header("Accept-Encoding"));
        ctx.contentType("application/json").header("Vary", "Accept-Encoding");
        if (gzip) ctx.header("Content-Encoding", "gzip");
        try {
            write(gzip ? new GZIPOutputStream(ctx.outputStream(), 64 * 1024) : ctx.outputStream(), field, items);
        } catch (IOException | RuntimeException e) {
            Streams.failed(ctx, e, "answer of " + ctx.path());
        }
    }

    /** Writes {@code {"<field>": [item, …]}} to the stream, and closes it. */
    public static <T> void write(OutputStream out, String field, Items<T> items) throws IOException {
        JsonGenerator json = JsonMapping.MAPPER.createGenerator(out);
        json.writeStartObject();
        json.writeArrayFieldStart(field);
        items.each(item -> {
            try {
                ITEM.writeValue(json, item);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
