package fr.jdma.collector.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.input.InvalidInputException;
import io.javalin.http.Context;

/** Reading JSON request bodies of the admin and analyst APIs, with errors that say what is wrong. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    public static JsonNode read(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new HttpProblem(415, "Unsupported Media Type", "send the body as application/json");
        }
        try {
            JsonNode node = MAPPER.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) throw InvalidInputException.of("body", "must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw InvalidInputException.of("body", "could not be read: " + e.getMessage());
        }
    }
}
