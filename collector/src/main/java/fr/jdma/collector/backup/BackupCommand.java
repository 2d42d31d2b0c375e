package fr.jdma.collector.backup;

import fr.jdma.collector.storage.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar jdma-collector.jar backup DEST [--collector URL]}: asks the running collector
 * (JDMA_PORT on this machine, or URL) for a consistent copy of its database with the admin token
 * and writes it to DEST (a file, or a folder where it gets a dated name). When no collector
 * answers, it opens JDMA_DB_URL itself: the offline backup of a stopped collector.
 */
public final class BackupCommand {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([A-Za-z0-9._-]+)\"");

    private BackupCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out) throws IOException, InterruptedException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("usage: backup DEST [--collector http://127.0.0.1:8080]");
        }
        Path destination = Path.of(args.get(0));
        String collector = "http://127.0.0.1:" + env.getOrDefault("JDMA_PORT", "8080");
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--collector") && i + 1 < args.size()) collector = args.get(++i).replaceAll("/+$", "");
            else throw new IllegalArgumentException("unknown option '" + args.get(i) + "'; usage: backup DEST [--collector URL]");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = env.getOrDefault("JDMA_ADMIN_TOKEN", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector + BackupController.PATH)).GET();
        if (!token.isBlank()) request.header("Authorization", "Bearer " + token);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException nobodyListens) {
            return offline(destination, env, out, collector);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String detail = new String(body.readNBytes(4000), StandardCharsets.UTF_8);
                throw new IllegalStateException("the collector at " + collector + " answered " + response.statusCode()
                        + (response.statusCode() != 401 ? "" : token.isBlank() ? " (set JDMA_ADMIN_TOKEN to its admin token)"
                        : " (JDMA_ADMIN_TOKEN is not its admin token)") + ": " + detail);
            }
            Path file = target(destination, response.headers().firstValue("Content-Disposition").orElse(""));
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("backup written to " + file + " (" + Files.size(file) + " bytes) by the collector at " + collector);
            return 0;
        }
    }

    private static int offline(Path destination, Map<String, String> env, PrintStream out, String collector) {
        String url = env.getOrDefault("JDMA_DB_URL", fr.jdma.collector.Config.DEFAULT_DB_URL);
        try (Database database = Database.open(url, env.getOrDefault("JDMA_DB_USER", ""), env.getOrDefault("JDMA_DB_PASSWORD", ""))) {
            Snapshots snapshots = new Snapshots(database, Clock.systemUTC());
            if (!snapshots.supported()) throw new IllegalArgumentException("JDMA_DB_URL is PostgreSQL: back it up with pg_dump (see the README)");
            Path file = Files.isDirectory(destination) ? destination.resolve(snapshots.fileName(Clock.systemUTC().instant())) : destination;
            long size = snapshots.writeTo(file, "offline");
            out.println("backup written to " + file + " (" + size + " bytes) from " + url + " (no collector answered at " + collector + ")");
            return 0;
        }
    }

    private static Path target(Path destination, String disposition) {
        if (!Files.isDirectory(destination)) return destination;
        Matcher name = FILE_NAME.matcher(disposition);
        if (!name.find()) throw new IllegalStateException("the collector sent no file name; give DEST as a file");
        return destination.resolve(name.group(1));
    }
}
