package fr.jdma.collector;

import fr.jdma.collector.export.XlsxWriter;

import java.util.Map;
import java.util.Optional;

/** Everything an administrator can set, read once from the environment at start. */
public record Config(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Optional<String> adminToken,
        int rateLimitPerMinute,
        boolean demo,
        int writerQueueCapacity,
        int retentionDays,
        boolean trustProxy,
        int bodyTimeoutSeconds,
        int xlsxRowsPerSheet) {

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/jdma";
    public static final int DEFAULT_RATE_LIMIT = 120;
    /** Seconds a client has to send a request body: a rating is a few hundred bytes, an admin body a few KiB. */
    public static final int DEFAULT_BODY_TIMEOUT = 10;

    public static Config fromEnv(Map<String, String> env) {
        return new Config(
                intValue(env, "JDMA_PORT", 8080),
                env.getOrDefault("JDMA_DB_URL", DEFAULT_DB_URL),
                env.getOrDefault("JDMA_DB_USER", ""),
                env.getOrDefault("JDMA_DB_PASSWORD", ""),
                Optional.ofNullable(env.get("JDMA_ADMIN_TOKEN")).filter(t -> !t.isBlank()),
                intValue(env, "JDMA_RATE_LIMIT", DEFAULT_RATE_LIMIT),
                Boolean.parseBoolean(env.getOrDefault("JDMA_DEMO", "false")),
                intValue(env, "JDMA_WRITER_QUEUE", 20_000),
                intValue(env, "JDMA_RETENTION_DAYS", 0),
                Boolean.parseBoolean(env.getOrDefault("JDMA_TRUST_PROXY", "false")),
                intValue(env, "JDMA_BODY_TIMEOUT", DEFAULT_BODY_TIMEOUT),
                XlsxWriter.MAX_ROWS_PER_SHEET);
    }

    public Config withRateLimit(int perMinute) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, perMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet);
    }

    public Config withRetentionDays(int days) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, days, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet);
    }

    public Config withTrustProxy(boolean trust) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trust, bodyTimeoutSeconds, xlsxRowsPerSheet);
    }

    public Config withBodyTimeoutSeconds(int seconds) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, seconds, xlsxRowsPerSheet);
    }

    /** Fewer rows per XLSX sheet than Excel's limit: a test sees the next sheet begin without writing a million rows. */
    public Config withXlsxRowsPerSheet(int rows) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, rows);
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
