package fr.jdma.collector.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.event.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which logger writes what: the levels of logging.properties (libraries quieter than our own
 * code), JDMA_LOG_LEVEL for ours, JDMA_LOG_FORMAT for the line format.
 */
public final class LogLevels {

    private final Map<String, Level> byPrefix = new LinkedHashMap<>();
    private final Level fallback;
    private final LineFormat format;
    private final java.util.function.Supplier<PrintStream> out;

    /** {@code out} is asked at each event, like System.err itself: a test or a tool may swap it. */
    LogLevels(Map<String, String> env, java.util.function.Supplier<PrintStream> out) {
        this.out = out;
        this.format = orDefault(() -> LineFormat.named(env.getOrDefault("JDMA_LOG_FORMAT", "text")), LineFormat.TEXT, out.get());
        Properties properties = new Properties();
        try (InputStream in = LogLevels.class.getResourceAsStream("/logging.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Level level = level(properties.getProperty("default", "info"), "logging.properties default");
        String override = env.get("JDMA_LOG_LEVEL");
        if (override != null && !override.isBlank()) level = orDefault(() -> level(override, "JDMA_LOG_LEVEL"), level, out.get());
        this.fallback = level;
        properties.stringPropertyNames().stream().filter(name -> !name.equals("default"))
                .sorted(Comparator.comparingInt(String::length).reversed())  // the longest prefix wins
                .forEach(name -> byPrefix.put(name, level(properties.getProperty(name), name)));
    }

    /**
     * A wrong JDMA_LOG_* value cannot stop the start from here (the logger comes first): it is
     * said on the first line and the default used; Config then refuses to start with the same words.
     */
    private static <T> T orDefault(java.util.function.Supplier<T> read, T fallback, PrintStream out) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return fallback;
        }
    }

    /** Throws the message an administrator needs when JDMA_LOG_FORMAT or JDMA_LOG_LEVEL is wrong. */
    public static void check(Map<String, String> env) {
        LineFormat.named(env.getOrDefault("JDMA_LOG_FORMAT", "text"));
        String override = env.get("JDMA_LOG_LEVEL");
        if (override != null && !override.isBlank()) level(override, "JDMA_LOG_LEVEL");
    }

    ILoggerFactory factory() {
        Map<String, JdmaLogger> loggers = new ConcurrentHashMap<>();
        return name -> loggers.computeIfAbsent(name, n -> new JdmaLogger(n, levelOf(n), format, out));
    }

    Level levelOf(String logger) {
        for (var entry : byPrefix.entrySet()) {
            if (logger.equals(entry.getKey()) || logger.startsWith(entry.getKey() + ".")) return entry.getValue();
        }
        return fallback;
    }

    private static Level level(String value, String where) {
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must be one of error, warn, info, debug, trace; got '" + value + "'");
        }
    }
}
