package fr.jdma.collector.logging;

import org.slf4j.event.Level;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How an event becomes a line: readable text, or one JSON object per line for log collectors. */
enum LineFormat {
    TEXT {
        @Override
        String line(Instant time, Level level, String logger, String thread, String message, Throwable error) {
            // an unexpected error keeps its stack trace below the line: it is what a developer needs
            return DateTimeFormatter.ISO_INSTANT.format(time) + " " + level + " [" + thread + "] " + logger + " - " + message
                    + "\n" + (error == null ? "" : stackTrace(error));
        }
    },
    JSON {
        @Override
        String line(Instant time, Level level, String logger, String thread, String message, Throwable error) {
            StringBuilder json = new StringBuilder(160).append("{\"time\":\"").append(DateTimeFormatter.ISO_INSTANT.format(time))
                    .append("\",\"level\":\"").append(level).append("\",\"logger\":");
            string(json, logger).append(",\"thread\":");
            string(json, thread).append(",\"message\":");
            string(json, message);
            if (error != null) {
                json.append(",\"error\":");
                string(json, error.toString()).append(",\"stack\":");
                string(json, stackTrace(error));
            }
            return json.append("}\n").toString();
        }
    };

    abstract String line(Instant time, Level level, String logger, String thread, String message, Throwable error);

    static LineFormat named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "text", "" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("JDMA_LOG_FORMAT must be text or json, got '" + name + "'");
        };
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) json.append(String.format("\\u%04x", (int) c));
                    else json.append(c);
                }
            }
        }
        return json.append('"');
    }
}
