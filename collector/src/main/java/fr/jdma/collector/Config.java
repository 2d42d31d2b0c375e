package fr.jdma.collector;

import fr.jdma.collector.export.XlsxWriter;

import java.nio.file.Path;
import java.time.Duration;
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
        int xlsxRowsPerSheet,
        Backups backups,
        Duration dbWait) {

    /** The scheduled backup: none without a folder; {@code keep} newest copies every {@code every}. */
    public record Backups(Optional<Path> dir, int keep, Duration every) {
        public static final Backups NONE = new Backups(Optional.empty(), 7, Duration.ofDays(1));
    }

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/jdma";
    public static final int DEFAULT_RATE_LIMIT = 120;
    /** Seconds a client has to send a request body: a rating is a few hundred bytes, an admin body a few KiB. */
    public static final int DEFAULT_BODY_TIMEOUT = 10;

    public static Config fromEnv(Map<String, String> env) {
        fr.jdma.collector.logging.LogLevels.check(env);
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
                XlsxWriter.MAX_ROWS_PER_SHEET,
                new Backups(
                        Optional.ofNullable(env.get("JDMA_BACKUP_DIR")).filter(d -> !d.isBlank()).map(Path::of),
                        positive(env, "JDMA_BACKUP_KEEP", 7),
                        duration(env, "JDMA_BACKUP_EVERY", Duration.ofDays(1))),
                Duration.ofSeconds(intValue(env, "JDMA_DB_WAIT_SECONDS", 60)));
    }

    public Config withRateLimit(int perMinute) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, perMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet, backups, dbWait);
    }

    public Config withRetentionDays(int days) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, days, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet, backups, dbWait);
    }

    public Config withTrustProxy(boolean trust) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trust, bodyTimeoutSeconds, xlsxRowsPerSheet, backups, dbWait);
    }

    public Config withBodyTimeoutSeconds(int seconds) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, seconds, xlsxRowsPerSheet, backups, dbWait);
    }

    /** Fewer rows per XLSX sheet than Excel's limit: a test sees the next sheet begin without writing a million rows. */
    public Config withXlsxRowsPerSheet(int rows) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, rows, backups, dbWait);
    }

    public Config withAdminToken(String token) {
        return new Config(port, dbUrl, dbUser, dbPassword, Optional.of(token), rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet, backups, dbWait);
    }

    public Config withBackups(Backups settings) {
        return new Config(port, dbUrl, dbUser, dbPassword, adminToken, rateLimitPerMinute, demo, writerQueueCapacity, retentionDays, trustProxy, bodyTimeoutSeconds, xlsxRowsPerSheet, settings, dbWait);
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        int value = intValue(env, name, fallback);
        if (value < 1) throw new IllegalArgumentException(name + " must be 1 or more, got '" + env.get(name) + "'");
        return value;
    }

    /** A duration written as a number and a unit: 30s, 15m, 6h, 1d. */
    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        var match = java.util.regex.Pattern.compile("([1-9][0-9]{0,6})([smhd])").matcher(value.trim());
        if (!match.matches()) {
            throw new IllegalArgumentException(name + " must be a number and a unit (s, m, h or d) like 6h or 1d, got '" + value + "'");
        }
        long amount = Long.parseLong(match.group(1));
        return switch (match.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
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
