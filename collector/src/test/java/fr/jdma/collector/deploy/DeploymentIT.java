package fr.jdma.collector.deploy;

import fr.jdma.collector.support.CollectorProcess;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's deployment, run for real: the systemd unit's ExecStartPre and ExecStart with the example
 * environment file, and Debian's nginx with deploy/nginx-site.conf (TLS, HTTP/2, gzip) in front
 * of the jar, where the rate limit and the collector's own pages must see the real client and host.
 */
class DeploymentIT {

    private static final Path DEPLOY = Path.of("..", "deploy");

    private final List<Process> started = new ArrayList<>();
    private Path work;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    @Test
    void the_systemd_unit_starts_the_collector_with_its_flags_and_stops_it_cleanly() throws Exception {
        work = Files.createDirectories(Files.createTempDirectory(Files.createDirectories(Path.of("target", "deploy")), "systemd-")).toAbsolutePath();
        String unit = Files.readString(DEPLOY.resolve("jdma-collector.service"));
        // the unit's paths on this machine: the built jar, the repository's script, a cache folder of this test
        Path archive = work.resolve("jdma-collector.jsa");
        Map<String, String> paths = Map.of("/opt/jdma/jdma-collector.jar", CollectorProcess.jar().toString(),
                "/opt/jdma/class-archive.sh", DEPLOY.resolve("class-archive.sh").toAbsolutePath().toString(),
                "/var/cache/jdma/jdma-collector.jsa", archive.toString());
        List<String> prepare = unitCommand(unit, "ExecStartPre", paths);
        List<String> command = unitCommand(unit, "ExecStart", paths);
        Map<String, String> env = environmentFile(DEPLOY.resolve("collector.env"));

        // ExecStartPre: the class archive, trained for the jar at its path, then only checked
        assertThat(prepare.subList(prepare.indexOf("-Xms32m"), prepare.size()))
                .as("ExecStartPre trains with the flags of ExecStart")
                .isEqualTo(command.subList(command.indexOf("-Xms32m"), command.indexOf("-XX:SharedArchiveFile=" + archive)));
        assertThat(runUnitCommand(prepare, env)).contains("class archive: training");
        assertThat(archive).isNotEmptyFile();
        assertThat(runUnitCommand(prepare, env)).as("a second start keeps the archive").isEmpty();
        int port = CollectorProcess.freePort();
        env.put("JDMA_PORT", Integer.toString(port));
        env.put("JDMA_DB_URL", TestDatabases.h2(work));
        env.put("JDMA_BACKUP_DIR", work.resolve("backups").toString());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("collector.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JDMA_"));
        builder.environment().putAll(env);
        Process collector = builder.start();
        started.add(collector);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(awaitOk(http, "http://127.0.0.1:" + port + "/health")).isTrue();

        collector.destroy();  // what systemctl stop sends: SIGTERM
        assertThat(collector.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unit).contains("SuccessExitStatus=143");
        assertThat(collector.exitValue()).isIn(0, 143);
        assertThat(Files.readString(work.resolve("collector.log"))).contains("stopped: 0 ratings written", "backup (scheduled): wrote jdma-")
                .as("the JVM took the class archive").doesNotContain("[warning]");
    }

    /** A command line of the unit ({@code ExecStart}, {@code ExecStartPre}) split as systemd does, with its paths swapped. */
    private static List<String> unitCommand(String unit, String key, Map<String, String> paths) {
        Matcher line = Pattern.compile("(?m)^" + key + "=-?(.+)$").matcher(unit);
        assertThat(line.find()).as(key).isTrue();
        List<String> command = new ArrayList<>(List.of(line.group(1).trim().split("\\s+")));
        command.replaceAll(arg -> {
            for (var path : paths.entrySet()) arg = arg.replace(path.getKey(), path.getValue());
            return arg;
        });
        return command;
    }

    /** Runs a command of the unit to its end with the unit's environment; its output. */
    private static String runUnitCommand(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("JDMA_"));
        builder.environment().putAll(env);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void behind_nginx_the_rate_limit_and_the_collectors_own_pages_see_the_real_client_and_host() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")),
                "nginx is not installed: bash .ci/run installs it (apt-get install nginx-light)");
        work = Files.createDirectories(Files.createTempDirectory(Files.createDirectories(Path.of("target", "deploy")), "nginx-")).toAbsolutePath();
        CollectorProcess collector = CollectorProcess.start(TestDatabases.h2(work), work.resolve("collector.log"), List.of(),
                Map.of("JDMA_TRUST_PROXY", "true", "JDMA_RATE_LIMIT", "3"));
        started.add(collector.process());
        int https = CollectorProcess.freePort();
        int http = CollectorProcess.freePort();
        startNginx(collector.port(), https, http);
        String base = "https://localhost:" + https;
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(work.resolve("cert.pem"))).version(HttpClient.Version.HTTP_2).build();
        assertThat(awaitOk(client, base + "/health")).isTrue();

        var created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/services"))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"caf\",\"name\":\"CAF\",\"allowedOrigins\":[\"" + TestCollector.ORIGIN
                        + "\"],\"public\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.version()).isEqualTo(HttpClient.Version.HTTP_2);

        var widget = client.send(HttpRequest.newBuilder(URI.create(base + "/widget/v1/jdma.js")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Encoding")).hasValue("gzip");

        // The rate limit counts per calendar minute (Retry-After names the next one): the form's rating and the three
        // below must fall in one minute, so they do not start in its last 15 seconds.
        awaitEarlyInMinute();
        // The collector's own pages are recognised through the proxy: the hosted form posts with its public origin...
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/avis/caf")).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("satisfaction=good")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/avis/caf/merci"));
        // ... and the snippet generator writes the public https address, not the internal one.
        var generator = client.send(HttpRequest.newBuilder(URI.create(base + "/generateur?service=caf")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(generator.body()).contains(base + "/widget/v1/jdma.js").doesNotContain("127.0.0.1:" + collector.port());

        // The rate limit counts per citizen: 127.0.0.1 spends the rest of its 3 ratings (the form took one;
        // a forged X-Forwarded-For changes nothing)...
        for (int i = 0; i < 2; i++) assertThat(postRating(https, "127.0.0.1", null)).isEqualTo(201);
        assertThat(postRating(https, "127.0.0.1", null)).isEqualTo(429);
        assertThat(postRating(https, "127.0.0.1", "203.0.113.9")).isEqualTo(429);
        // ... while another citizen behind the same nginx keeps its own budget.
        assertThat(postRating(https, "127.0.0.2", null)).isEqualTo(201);

        var redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/resultats/caf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://127.0.0.1/resultats/caf");
    }

    private static void awaitEarlyInMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 45_000) Thread.sleep(60_000 - intoMinute + 100);
    }

    private void startNginx(int collectorPort, int https, int http) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", work.resolve("key.pem").toString(), "-out", work.resolve("cert.pem").toString());
        String site = Files.readString(DEPLOY.resolve("nginx-site.conf"))
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + https + " ssl http2;")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("listen 80;", "listen 127.0.0.1:" + http + ";")
                .replace("listen [::]:80;", "")
                .replace("/etc/letsencrypt/live/avis.example.gouv.fr/fullchain.pem", work.resolve("cert.pem").toString())
                .replace("/etc/letsencrypt/live/avis.example.gouv.fr/privkey.pem", work.resolve("key.pem").toString())
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + collectorPort + ";");
        Files.writeString(work.resolve("site.conf"), site);
        // what Debian's /etc/nginx/nginx.conf provides around a site, with every path under target/
        Files.writeString(work.resolve("nginx.conf"), """
                daemon off;
                user root;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(work));
        run("/usr/sbin/nginx", "-t", "-p", work.toString(), "-c", work.resolve("nginx.conf").toString());
        Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", work.toString(), "-c", work.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        started.add(nginx);
    }

    /** POST /api/v1/ratings through nginx over TLS from a chosen local address (two citizens on one machine). */
    private int postRating(int port, String from, String forgedForwardedFor) throws Exception {
        SSLContext tls = trusting(work.resolve("cert.pem"));
        String body = TestCollector.rating("caf");
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"), port,
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            String request = "POST /api/v1/ratings HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: " + TestCollector.ORIGIN
                    + "\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                    + (forgedForwardedFor == null ? "" : "X-Forwarded-For: " + forgedForwardedFor + "\r\n")
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static boolean awaitOk(HttpClient http, String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return true;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return env;
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
