package fr.jdma.collector.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The collector's one Jackson mapper (thread-safe once configured), for Javalin's JSON answers and
 * every JSON body we read. Bodies are read strictly: a duplicate key, or anything after the JSON
 * value ({@code {…} not JSON}, a second object), is an error, never silently ignored.
 */
public final class JsonMapping {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectReader STRICT = MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonMapping() {
    }

    /** The body text as one JSON object; otherwise an error naming {@code body}. */
    public static ObjectNode object(String text) {
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) throw InvalidInputException.of("body", "is empty; expected a JSON object");
        if (!node.isObject()) throw InvalidInputException.of("body", "must be a JSON object, got " + kind(node));
        return (ObjectNode) node;
    }

    /** How an error message names a JSON value's type. */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> node.toString();
        };
    }
}
