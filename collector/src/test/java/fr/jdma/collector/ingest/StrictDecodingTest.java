package fr.jdma.collector.ingest;

import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.ARating;
import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one strict decoding step (RatingIntake + StrictBody), on both doors a rating comes in by
 * (the widget's JSON, the hosted form) and on the admin API's JSON: one behaviour per test.
 */
@ExtendWith(CollectorPerTest.class)
class StrictDecodingTest {

    static final String FORM_ORIGIN = "https://www.caf.fr";

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector.withService("caf", "{\"id\":\"caf\",\"name\":\"CAF\","
                + "\"allowedOrigins\":[\"" + TestCollector.ORIGIN + "\",\"" + FORM_ORIGIN + "\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8x", "foo", "%%%", "iso-8859-1", "\"utf-16\""})
    void POST_with_unknown_or_other_charset_returns_415(String charset) {
        assertThat(api("text/plain; charset=" + charset, utf8(rating())).statusCode()).isEqualTo(415);
        assertThat(form("application/x-www-form-urlencoded; charset=" + charset, utf8("satisfaction=good")).statusCode()).isEqualTo(415);
        assertThat(admin("application/json; charset=" + charset, utf8("{\"name\":\"x\",\"services\":[\"*\"]}")).statusCode()).isEqualTo(415);
        assertThat(stored()).isZero();
    }

    @Test
    void POST_with_charset_UTF_8_in_any_case_or_quoted_is_accepted() {
        assertThat(api("text/plain; charset=\"UTF-8\"", utf8(rating())).statusCode()).isEqualTo(201);
        assertThat(api("application/json;charset=utf-8", utf8(rating())).statusCode()).isEqualTo(201);
    }

    @Test
    void POST_with_malformed_UTF_8_returns_400_and_overlong_forms_are_never_decoded() {
        // C0 BC is an overlong "<": decoded leniently it would smuggle markup past every check
        byte[] overlong = concat(utf8("{\"service\":\"caf\",\"satisfaction\":\"good\",\"comment\":\"a"), new byte[]{(byte) 0xC0, (byte) 0xBC},
                utf8("script\"}"));
        var response = api("text/plain", overlong);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"", "UTF-8");
        assertThat(form("application/x-www-form-urlencoded", utf8("satisfaction=good&comment=a%C0%BCscript")).statusCode()).isEqualTo(400);
        assertThat(form("application/x-www-form-urlencoded", concat(utf8("satisfaction=good&comment=a"), new byte[]{(byte) 0xFF})).statusCode())
                .isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @Test
    void POST_in_UTF_16_or_UTF_32_returns_415() {
        String json = rating();
        for (Charset charset : new Charset[]{StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32"), Charset.forName("UTF-32LE")}) {
            assertThat(api("text/plain", json.getBytes(charset)).statusCode()).as(charset.name()).isEqualTo(415);
            assertThat(form("application/x-www-form-urlencoded", "satisfaction=good".getBytes(charset)).statusCode())
                    .as(charset.name()).isEqualTo(415);
        }
        assertThat(stored()).isZero();
    }

    @Test
    void POST_with_a_UTF_8_byte_order_mark_is_accepted() {
        assertThat(api("text/plain", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(rating()))).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {" not JSON", "{\"service\":\"caf\",\"satisfaction\":\"bad\"}", "]", " 1"})
    void POST_with_content_after_the_JSON_value_returns_400(String trailing) {
        var response = api("text/plain", utf8(rating() + trailing));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"");
        assertThat(admin("application/json", utf8("{\"name\":\"x\",\"services\":[\"*\"]}" + trailing)).statusCode()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @Test
    void a_form_body_over_64_KiB_returns_413_even_chunked_and_without_Content_Length() {
        byte[] big = utf8("satisfaction=good&comment=" + "a".repeat(70 * 1024));
        var chunked = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/avis/caf")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", FORM_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("<html lang=\"fr\">", "trop longue");
        assertThat(form("application/x-www-form-urlencoded", big).statusCode()).isEqualTo(413);
        assertThat(stored()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "NULL", "Null"})
    void Origin_null_in_any_case_is_refused_on_both_doors(String origin) {
        var api = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", "text/plain").header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(rating())));
        var form = collector.send(HttpRequest.newBuilder(URI.create(collector.url("/avis/caf")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("satisfaction=good")));

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(stored()).isZero();
    }

    @Test
    void a_lone_surrogate_in_page_becomes_U_FFFD_like_in_comments() {
        var response = api("text/plain", utf8("{\"service\":\"caf\",\"satisfaction\":\"good\",\"page\":\"https://caf.fr/a\\ud800b\"}"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(collector.database().dsl().select(Ratings.PAGE).from(Ratings.TABLE).fetchOne(Ratings.PAGE))
                .isEqualTo("https://caf.fr/a\uFFFDb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_page_that_outgrows_its_column_once_masked_keeps_its_site_and_drops_its_path_on_every_database(String kind,
                                                                                                      @TempDir Path own) {
        // "/1234567" is masked to "/[number]": 240 of them pass the 2,000-character limit only once masked
        String page = "https://www.caf.fr" + "/1234567".repeat(240);
        try (TestCollector other = new TestCollector(TestDatabases.of(kind, own)).withService("caf")) {
            var response = other.postRating("{\"service\":\"caf\",\"satisfaction\":\"good\",\"page\":\"" + page + "\"}");

            assertThat(response.statusCode()).as(kind).isEqualTo(201);
            var row = other.database().dsl().select(Ratings.PAGE, Ratings.FLAGS).from(Ratings.TABLE).fetchOne();
            assertThat(row.get(Ratings.PAGE)).as(kind).isEqualTo("https://www.caf.fr/");
            assertThat(row.get(Ratings.FLAGS)).as(kind).contains("page_scrubbed");
        }
    }

    @Test
    void a_client_that_disconnects_mid_body_gets_no_500_and_leaves_one_INFO_line() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            disconnectMidBody("/api/v1/ratings", "text/plain");
            disconnectMidBody("/avis/caf", "application/x-www-form-urlencoded");
            // the collector keeps serving, and nothing was stored
            assertThat(api("text/plain", utf8(rating())).statusCode()).isEqualTo(201);
        } finally {
            System.setErr(original);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        // the body is gathered before the handler (web/WholeBodies) or read by the intake: either way, one INFO line each
        assertThat(logged.lines().filter(line -> line.contains(" INFO ") && (line.contains("the client stopped sending its body")
                || line.contains("a client went away while sending a rating")))).hasSize(2);
        assertThat(logged).doesNotContain("ERROR", "\tat ");
        assertThat(collector.get("/metrics", null).body()).doesNotContain("status=\"500\"");
        assertThat(stored()).isEqualTo(1);
    }

    private void disconnectMidBody(String path, String type) throws Exception {
        try (Socket socket = new Socket("localhost", URI.create(collector.url("/")).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(utf8("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nOrigin: " + FORM_ORIGIN
                    + "\r\nContent-Length: 500\r\n\r\n{\"service\":\"caf\","));
            out.flush();
            Thread.sleep(200); // the server is reading the body when the client goes away
        }
        // the handler finishes in the background: wait until the server has seen the end
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !collector.get("/metrics", null).body().contains("status=\"400\"")
                && path.startsWith("/api")) {
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> api(String type, byte[] body) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/ratings")))
                .header("Content-Type", type).header("Origin", TestCollector.ORIGIN).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> form(String type, byte[] body) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/avis/caf")))
                .header("Content-Type", type).header("Origin", FORM_ORIGIN).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> admin(String type, byte[] body) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url("/api/v1/admin/tokens")))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private int stored() {
        return collector.database().dsl().fetchCount(Ratings.TABLE);
    }

    private static String rating() {
        return ARating.aRating().json();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
