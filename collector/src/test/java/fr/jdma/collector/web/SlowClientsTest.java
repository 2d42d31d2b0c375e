package fr.jdma.collector.web;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their body one byte per second hold no thread: while 400 of them are open,
 * /health and an honest rating are answered at once, and each slow client gets a 408 at the deadline.
 */
class SlowClientsTest {

    static final int SLOW_CLIENTS = 400;

    @TempDir
    Path dir;
    TestCollector collector;
    final List<Socket> sockets = new ArrayList<>();
    final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) s.close();
        if (collector != null) collector.close();
    }

    @Test
    void four_hundred_clients_sending_a_byte_per_second_leave_health_and_honest_ratings_served_in_under_a_second() throws Exception {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c.withBodyTimeoutSeconds(30), Clock.systemUTC()).withService("caf");
        timed("/health");
        timedRating();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        // half on the ratings API, half on the hosted form
        for (int i = 0; i < SLOW_CLIENTS; i++) sockets.add(i % 2 == 0 ? slowRating() : slowForm());
        trickle.scheduleAtFixedRate(this::oneMoreByteEach, 1, 1, TimeUnit.SECONDS);
        Thread.sleep(2_500); // every slow request has reached the server and sent a few bytes

        Duration slowestHealth = Duration.ZERO;
        Duration slowestRating = Duration.ZERO;
        for (int i = 0; i < 5; i++) {
            Duration health = timed("/health");
            Duration rating = timedRating();
            assertThat(health).as("GET /health while %d slow clients are open", SLOW_CLIENTS).isLessThan(Duration.ofSeconds(1));
            assertThat(rating).as("POST a rating while %d slow clients are open", SLOW_CLIENTS).isLessThan(Duration.ofSeconds(1));
            slowestHealth = health.compareTo(slowestHealth) > 0 ? health : slowestHealth;
            slowestRating = rating.compareTo(slowestRating) > 0 ? rating : slowestRating;
        }
        int moreThreads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
        System.out.printf("figure: %d slow clients open: slowest /health %d ms, slowest rating %d ms, %d more JVM threads%n",
                SLOW_CLIENTS, slowestHealth.toMillis(), slowestRating.toMillis(), moreThreads);
        // The slow bodies wait in Jetty's buffers, not in a thread each.
        assertThat(moreThreads).isLessThan(SLOW_CLIENTS / 4);
    }

    @Test
    void a_body_that_does_not_arrive_within_the_deadline_is_answered_408_and_the_connection_closed() throws Exception {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c.withBodyTimeoutSeconds(1), Clock.systemUTC()).withService("caf");
        Socket slow = slowRating();
        sockets.add(slow);
        trickle.scheduleAtFixedRate(this::oneMoreByteEach, 200, 200, TimeUnit.MILLISECONDS);
        slow.setSoTimeout(20_000);

        String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(answer).startsWith("HTTP/1.1 408 ").contains("application/problem+json", "Connection: close",
                "the body did not arrive within 1 s");
        assertThat(collector.database().dsl().fetchCount(fr.jdma.collector.storage.Schema.Ratings.TABLE)).isZero();
    }

    /** Opens a POST whose declared body is long and sends its first byte. */
    Socket slowRating() throws IOException {
        Socket socket = new Socket("localhost", URI.create(collector.url("/")).getPort());
        String head = "POST /api/v1/ratings HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                + "Origin: " + TestCollector.ORIGIN + "\r\nContent-Length: 4000\r\n\r\n{";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Opens a hosted-form POST whose declared body is long and sends its first bytes. */
    Socket slowForm() throws IOException {
        Socket socket = new Socket("localhost", URI.create(collector.url("/")).getPort());
        String head = "POST /avis/caf HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 4000\r\n\r\nsatisfaction=good&comment=";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    void oneMoreByteEach() {
        for (Socket s : sockets) {
            try {
                OutputStream out = s.getOutputStream();
                out.write('a');
                out.flush();
            } catch (IOException closedByTheServer) {
                // expected once the deadline has passed
            }
        }
    }

    Duration timed(String path) {
        long start = System.nanoTime();
        var response = collector.send(HttpRequest.newBuilder(URI.create(collector.url(path))).timeout(Duration.ofSeconds(10)));
        assertThat(response.statusCode()).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    Duration timedRating() {
        long start = System.nanoTime();
        var response = collector.postRating(TestCollector.rating("caf"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
