package fr.jdma.collector.ingest;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    @TempDir
    Path dir;

    @Test
    void ratings_over_the_limit_per_client_and_service_return_429_with_Retry_After() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:45Z"), ZoneOffset.UTC);
        try (var collector = new TestCollector(TestDatabases.h2(dir), c -> c.withRateLimit(3), clock)
                .withService("caf").withService("msa")) {
            for (int i = 0; i < 3; i++) assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);

            var limited = collector.postRating(TestCollector.rating("caf"));
            var otherService = collector.postRating(TestCollector.rating("msa"));

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("15");
            assertThat(otherService.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        try (var collector = new TestCollector(TestDatabases.h2(dir), c -> c.withRateLimit(1).withTrustProxy(true), clock)
                .withService("caf")) {
            assertThat(postFrom(collector, "203.0.113.7")).isEqualTo(201);
            assertThat(postFrom(collector, "203.0.113.7")).isEqualTo(429);
            assertThat(postFrom(collector, "198.51.100.23")).isEqualTo(201);
        }
    }

    @Test
    void an_IPv6_client_cannot_dodge_the_limit_with_a_new_address_of_its_64() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        try (var collector = new TestCollector(TestDatabases.h2(dir), c -> c.withRateLimit(1).withTrustProxy(true), clock)
                .withService("caf")) {
            assertThat(postFrom(collector, "2001:db8:0:1::7")).isEqualTo(201);
            assertThat(postFrom(collector, "2001:db8:0:1:9c41:22ff:fe10:3")).isEqualTo(429);
            assertThat(postFrom(collector, "2001:db8:0:2::7")).isEqualTo(201);
        }
    }

    @Test
    void a_flood_of_new_clients_is_held_to_a_bounded_number_of_windows() {
        RateLimiter limiter = new RateLimiter(1, Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 70_000; i++) {
            assertThat(limiter.secondsToWait("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), "caf")).isZero();
        }
        assertThat(limiter.windowsHeld()).isBetween(40_000L, 50_000L);
    }

    @Test
    void without_a_trusted_proxy_X_Forwarded_For_cannot_dodge_the_limit() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        try (var collector = new TestCollector(TestDatabases.h2(dir), c -> c.withRateLimit(1), clock).withService("caf")) {
            assertThat(postFrom(collector, "203.0.113.7")).isEqualTo(201);
            assertThat(postFrom(collector, "198.51.100.23")).isEqualTo(429);
        }
    }

    private static int postFrom(TestCollector collector, String forwardedFor) {
        return collector.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", TestCollector.ORIGIN)
                .header("X-Forwarded-For", "10.0.0.1, " + forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestCollector.rating("caf")))).statusCode();
    }

    @Test
    void a_limit_of_0_turns_rate_limiting_off() {
        try (var collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            for (int i = 0; i < 200; i++) assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
        }
    }
}
