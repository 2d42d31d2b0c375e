package fr.jdma.collector.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, already strictly decoded, as its fields. Percent
 * escapes are decoded as strict UTF-8 too ({@code %C0%BC} is refused like the raw bytes would be).
 */
public final class FormFields {

    private final Map<String, List<String>> fields;

    private FormFields(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static FormFields parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int equals = pair.indexOf('=');
                String name = unescape(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : unescape(pair.substring(equals + 1));
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormFields(fields);
    }

    /** The first value of a field, or null. */
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return List.copyOf(fields.getOrDefault(name, List.of()));
    }

    private static String unescape(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '%') {
                throw new StrictBody.Refused(StrictBody.Reason.MALFORMED, "the form body holds a malformed % escape");
            } else {
                // the text is valid UTF-16 already (decoded strictly): a pair is copied whole
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return StrictBody.utf8(bytes.toByteArray());
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
