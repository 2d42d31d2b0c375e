package fr.jdma.collector.backoffice;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's download buttons: the session stands in for the bearer token, and the bytes are the same. */
class SessionExportsTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-10T09:00:00Z");
    TestCollector collector;
    String bearer;
    StaffBrowser analyst;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf").withService("impots");
        Posting posting = new Posting(collector, clock);
        posting.post("2026-01-05T10:00:00Z", Map.of("location", "75056", "source", "email", "clarity", 4, "comment", "=SOMME(A1) très bien"));
        posting.post("2026-02-05T10:00:00Z", Map.of("location", "75056", "satisfaction", "bad", "help", List.of("phone"), "helpReached", false));
        posting.post("2026-02-06T10:00:00Z", Map.of("location", "13055", "satisfaction", "average", "comment", "Un peu long; \"vraiment\"\nlong"));
        posting.post("2026-03-01T10:00:00Z", Map.of("service", "impots"));
        var created = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"stats caf\",\"services\":[\"caf\"]}");
        bearer = json(created).get("token").asText();
        analyst = new StaffBrowser(collector).signIn(bearer);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    HttpResponse<byte[]> withBearer(String path) {
        return collector.send(HttpRequest.newBuilder(URI.create(collector.url(path))).header("Authorization", "Bearer " + bearer),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?excel=true", "?from=2026-02-01&to=2026-02-28", "?location=75056&source=email",
            "?from=2026-01-01&location=75056&excel=true"})
    void the_ratings_CSV_through_the_session_equals_the_bearer_export_byte_for_byte(String query) {
        HttpResponse<byte[]> session = analyst.download("/admin/services/caf/ratings.csv" + query);
        HttpResponse<byte[]> api = withBearer("/api/v1/exports/ratings.csv" + (query.isEmpty() ? "?" : query + "&") + "service=caf");

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).isEqualTo(api.body());
        assertThat(session.headers().firstValue("Content-Type")).isEqualTo(api.headers().firstValue("Content-Type"));
        assertThat(session.headers().firstValue("Content-Disposition")).isEqualTo(api.headers().firstValue("Content-Disposition"));
        assertThat(new String(session.body())).contains("received_at").contains("75056").doesNotContain("impots");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?excel=true", "?from=2026-02-01&to=2026-02-28&location=75056", "?by=month"})
    void stats_CSV_through_the_session_equals_the_bearer_stats_CSV_byte_for_byte(String query) {
        HttpResponse<byte[]> session = analyst.download("/admin/services/caf/stats.csv" + query);
        HttpResponse<byte[]> api = withBearer("/api/v1/stats.csv" + (query.isEmpty() ? "?" : query + "&") + "service=caf");

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).isEqualTo(api.body());
        assertThat(new String(session.body())).contains("location", "period", "answers", "75056").doesNotContain("impots");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/services/caf/ratings.xlsx|/api/v1/exports/ratings.xlsx?service=caf",
            "/admin/services/caf/stats.xlsx?from=2026-01-01|/api/v1/stats.xlsx?from=2026-01-01&service=caf"})
    void the_spreadsheet_files_through_the_session_hold_the_same_sheets_as_the_bearer_ones(String paths) throws IOException {
        String[] both = paths.split("\\|");
        HttpResponse<byte[]> session = analyst.download(both[0]);
        HttpResponse<byte[]> api = withBearer(both[1]);

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Content-Type")).isEqualTo(api.headers().firstValue("Content-Type"));
        assertThat(session.headers().firstValue("Content-Disposition")).isEqualTo(api.headers().firstValue("Content-Disposition"));
        // A workbook records when it was written (docProps/core.xml, zip entry times): every other part is the same, byte for byte.
        Map<String, byte[]> fromSession = parts(session.body());
        assertThat(fromSession).containsKey("xl/worksheets/sheet1.xml");
        assertThat(fromSession).usingRecursiveComparison().isEqualTo(parts(api.body()));
    }

    /** The workbook's parts but its timestamped properties (read from a file: streamed zips have their sizes after the data). */
    private Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Path file = java.nio.file.Files.write(java.nio.file.Files.createTempFile(dir, "export", ".xlsx"), xlsx);
        Map<String, byte[]> parts = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().equals("docProps/core.xml")) continue;
                try (var in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return parts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ratings.csv", "stats.csv", "ratings.xlsx", "stats.xlsx"})
    void the_session_export_of_a_service_outside_the_scope_is_404_and_the_query_cannot_widen_it(String file) {
        assertThat(analyst.download("/admin/services/impots/" + file).statusCode()).isEqualTo(404);
        var smuggled = analyst.download("/admin/services/caf/" + file + "?service=impots");
        assertThat(new String(smuggled.body())).doesNotContain("impots");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ratings.csv", "stats.csv"})
    void a_bad_filter_answers_400_naming_it_in_French(String file) {
        var response = analyst.download("/admin/services/caf/" + file + "?from=hier");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("la date de début (from)");
    }
}
