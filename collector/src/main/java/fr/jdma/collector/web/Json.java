package fr.jdma.collector.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.input.JsonMapping;
import fr.jdma.collector.input.StrictBody;
import io.javalin.http.Context;

import java.util.Set;

/**
 * Reading JSON request bodies of the admin and analyst APIs through the one strict decoding step
 * ({@link StrictBody}), with errors that say what is wrong.
 */
public final class Json {

    /** As much as Javalin takes in any body (a catalogue entry with many origins or location names fits). */
    static final int MAX_BODY = 1024 * 1024;

    private Json() {
    }

    public static JsonNode read(Context ctx) {
        try {
            StrictBody.requireType(ctx.header("Content-Type"), Set.of("application/json"), "application/json");
            return JsonMapping.object(StrictBody.read(ctx.bodyInputStream(), ctx.req().getContentLengthLong(), MAX_BODY));
        } catch (StrictBody.Refused e) {
            throw Problems.ofBody(e.reason(), e.detail());
        }
    }
}
