import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/run.sh (run with `java bench/LoadTest.java URL SECONDS CLIENTS MODE`).
 * MODE "ceiling": GET of the cached widget answered 304 (HTTP stack only, no database);
 * MODE "ingest": POST /api/v1/ratings of distinct valid ratings, each acknowledged only once durable.
 * Prints one line: mode, requests/s, p50/p99 latency in ms, non-2xx/3xx count.
 */
public class LoadTest {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        String mode = args[3];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String etag = http.send(HttpRequest.newBuilder(URI.create(base + "/widget/v1/jdma.js")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElse("\"none\"");
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length) {
                        HttpRequest request = mode.equals("ceiling")
                                ? HttpRequest.newBuilder(URI.create(base + "/widget/v1/jdma.js")).header("If-None-Match", etag).build()
                                : HttpRequest.newBuilder(URI.create(base + "/api/v1/ratings"))
                                .header("Content-Type", "text/plain").header("Origin", "https://bench.example.fr")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + UUID.randomUUID()
                                        + "\",\"service\":\"bench\",\"location\":\"l" + (client % 10)
                                        + "\",\"satisfaction\":\"good\",\"clarity\":4,\"help\":[\"phone\"],\"helpReached\":true,"
                                        + "\"helpQuality\":4,\"comment\":\"Très bien, merci 😀\"}")).build();
                        long start = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        mine[n++] = System.nanoTime() - start;
                        if (status < 400) ok.incrementAndGet(); else failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    mine[mine.length - 1] = n;  // how many were recorded
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6;
        System.out.printf("%s %.0f %.2f %.2f %d%n", mode, ok.get() / (double) seconds, p50, p99, failed.get());
    }
}
