package fr.jdma.collector.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The packaged collector jar run as a separate process, as an administrator runs it. */
public final class CollectorProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private CollectorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Path jar() {
        String jar = System.getProperty("jdma.jar", "target/jdma-collector.jar");
        return Path.of(jar).toAbsolutePath();
    }

    public static CollectorProcess start(String dbUrl, Path log, List<String> jvmOptions, Map<String, String> env) throws Exception {
        CollectorProcess started = launch(dbUrl, log, jvmOptions, env);
        started.awaitHealthy(Duration.ofSeconds(60));
        return started;
    }

    /** Starts the jar without waiting for it to answer (tests of what happens before it does). */
    public static CollectorProcess launch(String dbUrl, Path log, List<String> jvmOptions, Map<String, String> env) throws Exception {
        int port = freePort();
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JDMA_PORT", Integer.toString(port));
        builder.environment().put("JDMA_DB_URL", dbUrl);
        builder.environment().put("JDMA_ADMIN_TOKEN", TestCollector.ADMIN_TOKEN);
        builder.environment().put("JDMA_RATE_LIMIT", "0");
        builder.environment().putAll(env);
        return new CollectorProcess(builder.start(), port);
    }

    /** Creates service {@code id} accepting ratings from {@link TestCollector#ORIGIN}, with the admin token. */
    public void createService(String id) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/services")))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"name\":\"Service " + id
                        + "\",\"allowedOrigins\":[\"" + TestCollector.ORIGIN + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new IllegalStateException("could not create service " + id + ": " + response.body());
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** kill -9: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the collector stops accepting, flushes its writer and closes the database. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) terminate();
    }

    public void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the collector exited with " + process.exitValue());
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the collector did not become healthy in " + timeout);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
