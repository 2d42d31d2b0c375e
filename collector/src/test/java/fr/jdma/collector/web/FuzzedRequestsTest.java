package fr.jdma.collector.web;

import fr.jdma.collector.storage.Schema;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests against the real server: random and mutated bodies, content types,
 * charsets, origins, sizes and chunked or fixed lengths, on the ratings API, the hosted form
 * and the admin JSON API. Never a 5xx, never a hang, never a stored row that was not
 * acknowledged, and never an acknowledgement for a body that breaks the contract.
 * Reproduce a run with -Djdma.fuzz.seed=N (the seed is printed on failure).
 */
class FuzzedRequestsTest {

    static final long SEED = Long.getLong("jdma.fuzz.seed", System.nanoTime());
    static final int REQUESTS = Integer.getInteger("jdma.fuzz.requests", 10_000);
    static final int WORKERS = 8;
    static final Duration PER_REQUEST = Duration.ofSeconds(15);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    @TempDir
    Path dir;

    /** One generated request and what the contract says of it. */
    record Case(String method, String path, List<String> headers, byte[] body, boolean chunked, boolean mustBeRefused,
                String why) {
        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
            return method + " " + path + " " + headers + " chunked=" + chunked + " (" + why + ", " + body.length + " B) " + shown;
        }
    }

    @Test
    void ten_thousand_random_and_mutated_requests_never_get_a_5xx_never_hang_and_store_only_acknowledged_valid_bodies()
            throws Exception {
        try (TestCollector collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger servicesCreated = new AtomicInteger();
            AtomicInteger formsAcknowledged = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < WORKERS; w++) {
                Random random = new Random(SEED + w);
                done.add(workers.submit(() -> {
                    for (int i = 0; i < REQUESTS / WORKERS && failures.size() < 20; i++) {
                        Case c = generate(random);
                        HttpResponse<String> response;
                        try {
                            response = http.send(build(collector, c), HttpResponse.BodyHandlers.ofString());
                        } catch (HttpTimeoutException e) {
                            failures.add("no answer within " + PER_REQUEST + ": " + c);
                            continue;
                        } catch (java.io.IOException e) {
                            // The server may close a connection on a body it refuses before reading it all.
                            continue;
                        }
                        int status = response.statusCode();
                        if (status >= 500) failures.add(status + " " + response.body() + " for " + c);
                        boolean accepted = status == 200 || status == 201 || status == 303;
                        if (accepted && c.mustBeRefused()) failures.add(status + " (accepted) for " + c);
                        if (STRICT_BODIES && c.why().contains("charset ") && c.mustBeRefused() && status != 415) failures.add(status + " (not 415) for " + c);
                        if (c.path().equals("/api/v1/ratings") && status == 201) acknowledged.add(idOf(response.body()));
                        // the form's id may be mutated away (the server then picks one): forms are counted
                        if (c.path().startsWith("/avis/") && status == 303) formsAcknowledged.incrementAndGet();
                        if (c.path().equals("/api/v1/admin/services") && status == 201) servicesCreated.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            workers.shutdown();
            System.out.printf("figure: fuzz seed %d: %d requests in %d ms, %d ratings acknowledged by the API, %d forms, %d services%n",
                    SEED, REQUESTS, (System.nanoTime() - start) / 1_000_000, acknowledged.size(), formsAcknowledged.get(), servicesCreated.get());

            assertThat(failures).as("seed %d: rerun with -Djdma.fuzz.seed=%d", SEED, SEED).isEmpty();
            Set<String> stored = new HashSet<>();
            collector.database().dsl().select(Schema.Ratings.ID).from(Schema.Ratings.TABLE)
                    .forEach(row -> stored.add(row.value1().toLowerCase()));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("seed %d: acknowledged by the API but not stored", SEED).isEmpty();
            assertThat(stored.size() - acknowledged.size()).as("seed %d: the other stored ratings are the forms answered 303", SEED)
                    .isEqualTo(formsAcknowledged.get());
            assertThat(stored).as("seed %d: a fair share of the bodies were valid and stored", SEED).hasSizeGreaterThan(REQUESTS / 10);
            assertThat(collector.database().dsl().fetchCount(Schema.Services.TABLE)).isEqualTo(1 + servicesCreated.get());
        }
    }

    /** The id a 201 answer carries. */
    static String idOf(String answer) {
        Matcher json = ID.matcher(answer);
        return json.find() ? json.group(1).toLowerCase() : "?";
    }

    HttpRequest build(TestCollector collector, Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector.url(c.path()))).timeout(PER_REQUEST);
        for (int i = 0; i + 1 < c.headers().size(); i += 2) request.header(c.headers().get(i), c.headers().get(i + 1));
        HttpRequest.BodyPublisher body = c.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        return request.method(c.method(), body).build();
    }

    // ---------------------------------------------------------------- generation

    static final String[] CONTENT_TYPES = {"text/plain;charset=UTF-8", "application/json", "text/plain", "application/json; charset=utf-8",
            "TEXT/PLAIN; CHARSET=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html",
            "application/json; charset=latin1", "text/plain; charset=utf-16", "", "*/*", "application/json;;;", "text/plain; charset=\"utf-8\""};
    static final String[] ORIGINS = {TestCollector.ORIGIN, TestCollector.ORIGIN, TestCollector.ORIGIN, "null", "https://evil.example",
            "", TestCollector.ORIGIN + "/", "HTTPS://WWW.DEMARCHES.EXAMPLE.GOUV.FR", "https://www.demarches.example.gouv.fr:443", null};
    static final String[] SATISFACTIONS = {"good", "average", "bad"};
    static final String[] ODD_TEXT = {"", " ", "\u0000", "é", "\uD83D\uDE00", "<script>alert(1)</script>", "a\"b", "\\", "\u202E",
            "0".repeat(3000), "Jean Dupont 06 12 34 56 78", "%00", "\r\n", "x".repeat(70)};

    Case generate(Random r) {
        int target = r.nextInt(100);
        if (target < 10) return contractBreaking(r);
        if (target < 60) return rating(r);
        if (target < 85) return form(r);
        return admin(r);
    }

    Case rating(Random r) {
        String id = UUID.randomUUID().toString();
        StringBuilder json = new StringBuilder("{\"id\":\"").append(id).append("\",\"service\":\"caf\",\"satisfaction\":\"")
                .append(SATISFACTIONS[r.nextInt(3)]).append('"');
        if (r.nextBoolean()) json.append(",\"clarity\":").append(1 + r.nextInt(5));
        if (r.nextBoolean()) json.append(",\"comment\":").append(quoted(oddText(r)));
        if (r.nextInt(4) == 0) json.append(",\"location\":\"").append(r.nextInt(99_999)).append('"');
        if (r.nextInt(4) == 0) json.append(",\"page\":").append(quoted("https://www.demarches.example.gouv.fr/" + oddText(r)));
        json.append('}');
        byte[] valid = json.toString().getBytes(StandardCharsets.UTF_8);
        String type = "text/plain;charset=UTF-8";
        String origin = TestCollector.ORIGIN;
        boolean refused = false;
        String why = "valid";
        byte[] body = valid;
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> { /* valid as is */ }
            case 3 -> { body = truncate(r, valid); refused = true; why = "truncated JSON"; }
            case 4 -> { body = replace(valid, "\"" + SATISFACTIONS[0], "\"" + oddText(r) + "q"); refused = !new String(body, StandardCharsets.UTF_8).equals(new String(valid, StandardCharsets.UTF_8)); why = "unknown satisfaction"; }
            case 5 -> { body = flipBytes(r, valid); why = "flipped bytes"; }
            case 6 -> { body = insertBytes(r, valid); why = "inserted bytes"; }
            case 7 -> { type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)]; why = "content type " + type; }
            case 8 -> { origin = ORIGINS[r.nextInt(ORIGINS.length)]; why = "origin " + origin; refused = origin == null || origin.isBlank() || origin.equals("null") || origin.contains("evil"); }
            case 9 -> { body = randomBytes(r, r.nextInt(20) == 0 ? 9000 : r.nextInt(300)); why = "random bytes"; }
            case 10 -> { body = nested(r); refused = true; why = "deep nesting"; }
            default -> { body = replace(valid, "\"caf\"", r.nextBoolean() ? "[\"caf\"]" : "null"); refused = true; why = "service of the wrong type"; }
        }
        List<String> headers = new ArrayList<>();
        if (!type.isEmpty()) headers.addAll(List.of("Content-Type", type));
        if (origin != null && !origin.isEmpty()) headers.addAll(List.of("Origin", origin));
        if (origin != null && origin.isEmpty()) refused = true;
        return new Case("POST", "/api/v1/ratings", headers, body, r.nextInt(5) == 0, refused, why);
    }

    /**
     * The strict decoding of issue 7 (input/StrictBody in the one intake path: trailing content,
     * malformed or overlong UTF-8, UTF-16/32 and other charsets refused, Origin NULL refused) is on
     * main, so those refusals are asserted. Set to false to fuzz a build without it: the bodies
     * are then sent (no 5xx, no hang, only acknowledged rows stored) but may be accepted, and
     * unknown charsets, which the old path answered 500, are not sent.
     */
    static final boolean STRICT_BODIES = true;

    static final String[] UNKNOWN_CHARSETS = {"utf-8x", "foo", "%%%", "utf-16", "UTF-32", "latin1"};

    /**
     * Bodies the contract refuses whatever their content: trailing content after the JSON,
     * malformed or overlong UTF-8, UTF-16/32, a charset that is not UTF-8, Origin NULL.
     */
    Case contractBreaking(Random r) {
        String id = UUID.randomUUID().toString();
        String json = "{\"id\":\"" + id + "\",\"service\":\"caf\",\"satisfaction\":\"good\",\"comment\":\"a";
        byte[] valid = (json + "\"}").getBytes(StandardCharsets.UTF_8);
        String charset = UNKNOWN_CHARSETS[r.nextInt(UNKNOWN_CHARSETS.length)];
        List<String> api = new ArrayList<>(List.of("Content-Type", "text/plain;charset=UTF-8", "Origin", TestCollector.ORIGIN));
        int kind = r.nextInt(9);
        // unknown charsets still answer 500 on the old path (finding 3): sent once strict decoding is on main
        if (!STRICT_BODIES && kind >= 4 && kind <= 6) kind = 7;
        return switch (kind) {
            case 0 -> new Case("POST", "/api/v1/ratings", api, concat(valid, r.nextBoolean() ? " not JSON" : "{}"), r.nextBoolean(), STRICT_BODIES, "trailing content");
            case 1 -> new Case("POST", "/api/v1/ratings", api, concat(json.getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xc0, (byte) 0xbc}, "\"}".getBytes(StandardCharsets.UTF_8)), false, STRICT_BODIES, "overlong UTF-8");
            case 2 -> new Case("POST", "/api/v1/ratings", api, concat(json.getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xff, (byte) 0xfe}, "\"}".getBytes(StandardCharsets.UTF_8)), false, STRICT_BODIES, "malformed UTF-8");
            case 3 -> new Case("POST", "/api/v1/ratings", api, (json + "\"}").getBytes(r.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE), false, STRICT_BODIES, "UTF-16 body");
            case 4 -> new Case("POST", "/api/v1/ratings", List.of("Content-Type", "text/plain; charset=" + charset, "Origin", TestCollector.ORIGIN), valid, false, STRICT_BODIES, "charset " + charset);
            case 5 -> new Case("POST", "/avis/caf", List.of("Content-Type", "application/x-www-form-urlencoded; charset=" + charset), ("id=" + id + "&satisfaction=good").getBytes(StandardCharsets.UTF_8), false, STRICT_BODIES, "form charset " + charset);
            case 6 -> new Case("POST", "/api/v1/admin/services", List.of("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN, "Content-Type", "application/json; charset=" + charset),
                    ("{\"id\":\"c" + Long.toHexString(r.nextLong() & 0xffffffL) + "\",\"name\":\"x\",\"organisation\":\"y\",\"allowedOrigins\":[]}").getBytes(StandardCharsets.UTF_8), false, STRICT_BODIES, "admin charset " + charset);
            case 7 -> new Case("POST", "/api/v1/ratings", List.of("Content-Type", "text/plain;charset=UTF-8", "Origin", r.nextBoolean() ? "NULL" : "Null"), valid, false, STRICT_BODIES, "Origin NULL");
            default -> new Case("POST", "/api/v1/ratings", api, concat("\uFEFF".getBytes(StandardCharsets.UTF_16BE), (json + "\"}").getBytes(StandardCharsets.UTF_16BE)), false, STRICT_BODIES, "UTF-16BE with a BOM");
        };
    }

    static byte[] concat(byte[] first, String then) {
        return concat(first, then.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.write(part, 0, part.length);
        return out.toByteArray();
    }

    Case form(Random r) {
        String id = UUID.randomUUID().toString();
        StringBuilder form = new StringBuilder("id=").append(id).append("&satisfaction=").append(SATISFACTIONS[r.nextInt(3)]);
        if (r.nextBoolean()) form.append("&clarity=").append(1 + r.nextInt(5));
        if (r.nextBoolean()) form.append("&comment=").append(URLEncoder.encode(oddText(r), StandardCharsets.UTF_8));
        if (r.nextInt(4) == 0) form.append("&help=").append(r.nextBoolean() ? "none" : "online");
        byte[] valid = form.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = valid;
        String type = "application/x-www-form-urlencoded";
        String origin = r.nextBoolean() ? TestCollector.ORIGIN : null;
        boolean refused = false;
        String why = "valid form";
        switch (r.nextInt(8)) {
            case 0, 1, 2 -> { /* valid */ }
            case 3 -> { body = replace(valid, "satisfaction=", "satisfaction=zz"); refused = true; why = "unknown satisfaction"; }
            case 4 -> { body = flipBytes(r, valid); why = "flipped bytes"; }
            case 5 -> { body = insertBytes(r, valid); why = "inserted bytes"; }
            case 6 -> { type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)]; why = "content type " + type; refused = !type.startsWith("application/x-www-form-urlencoded"); }
            default -> { origin = "https://evil.example"; refused = true; why = "foreign origin"; }
        }
        List<String> headers = new ArrayList<>();
        if (!type.isEmpty()) headers.addAll(List.of("Content-Type", type));
        if (origin != null) headers.addAll(List.of("Origin", origin));
        String service = r.nextInt(20) == 0 ? "inconnu" : "caf";
        if (service.equals("inconnu")) refused = true;
        return new Case("POST", "/avis/" + service, headers, body, r.nextInt(5) == 0, refused, why);
    }

    Case admin(Random r) {
        String id = "s" + Long.toHexString(r.nextLong() & 0xffffffffL);
        String valid = "{\"id\":\"" + id + "\",\"name\":" + quoted("Service " + oddText(r)) + ",\"organisation\":\"Test\","
                + "\"allowedOrigins\":[\"https://www.example.gouv.fr\"],\"public\":" + r.nextBoolean() + "}";
        byte[] body = valid.getBytes(StandardCharsets.UTF_8);
        String type = "application/json";
        boolean refused = false;
        String why = "valid service";
        switch (r.nextInt(7)) {
            case 0, 1 -> { /* valid */ }
            case 2 -> { body = truncate(r, body); refused = true; why = "truncated JSON"; }
            case 3 -> { body = flipBytes(r, body); why = "flipped bytes"; }
            case 4 -> { type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)]; why = "content type " + type; }
            case 5 -> { body = replace(body, "\"allowedOrigins\":[\"https://www.example.gouv.fr\"]", "\"allowedOrigins\":" + quoted(oddText(r))); refused = true; why = "origins not a list"; }
            default -> { body = nested(r); refused = true; why = "deep nesting"; }
        }
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN));
        if (!type.isEmpty()) headers.addAll(List.of("Content-Type", type));
        return new Case("POST", "/api/v1/admin/services", headers, body, r.nextInt(5) == 0, refused, why);
    }

    static String oddText(Random r) {
        return ODD_TEXT[r.nextInt(ODD_TEXT.length)];
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    static byte[] truncate(Random r, byte[] valid) {
        return java.util.Arrays.copyOf(valid, r.nextInt(valid.length - 1));
    }

    static byte[] flipBytes(Random r, byte[] valid) {
        byte[] copy = valid.clone();
        for (int n = 1 + r.nextInt(3); n > 0; n--) copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        return copy;
    }

    static final byte[][] NASTY = {{(byte) 0xc0, (byte) 0xbc}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff},
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {0}, "} not JSON".getBytes(StandardCharsets.UTF_8), {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    static byte[] insertBytes(Random r, byte[] valid) {
        int at = r.nextInt(valid.length + 1);
        byte[] insert = NASTY[r.nextInt(NASTY.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.write(insert, 0, insert.length);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    static byte[] randomBytes(Random r, int size) {
        byte[] bytes = new byte[size];
        r.nextBytes(bytes);
        return bytes;
    }

    static byte[] nested(Random r) {
        int depth = 100 + r.nextInt(5000);
        return ("[".repeat(depth) + "]".repeat(r.nextInt(depth))).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] replace(byte[] body, String what, String with) {
        return new String(body, StandardCharsets.UTF_8).replace(what, with).getBytes(StandardCharsets.UTF_8);
    }
}
