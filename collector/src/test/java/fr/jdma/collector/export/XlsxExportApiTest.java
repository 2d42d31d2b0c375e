package fr.jdma.collector.export;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** ratings.xlsx and stats.xlsx over HTTP: the same filters, authorisation and errors as their CSV twins. */
class XlsxExportApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;
    Posting ratings;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf").withService("impots");
        ratings = new Posting(collector, clock);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    HttpResponse<Path> download(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector.url(path)));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return collector.send(request, HttpResponse.BodyHandlers.ofFile(dir.resolve(UUID.randomUUID() + ".xlsx")));
    }

    String sheet(HttpResponse<Path> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return XlsxWriterTest.parts(response.body()).get("xl/worksheets/sheet1.xml");
    }

    @Test
    void ratings_xlsx_is_an_attachment_named_like_the_csv_with_the_spreadsheet_type() {
        var response = download("/api/v1/exports/ratings.xlsx?service=caf&from=2026-03-01&to=2026-03-31", TestCollector.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"jdma-caf-2026-03-01-2026-03-31.xlsx\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void ratings_xlsx_applies_the_same_filters_as_the_csv() throws Exception {
        ratings.post("2026-02-28T23:59:59.999Z", Map.of("location", "01004", "comment", "avant"));
        ratings.post("2026-03-01T00:00:00Z", Map.of("location", "01004", "source", "email", "comment", "garde"));
        ratings.post("2026-03-01T00:00:01Z", Map.of("location", "01004", "comment", "autre source"));
        ratings.post("2026-03-01T00:00:02Z", Map.of("location", "75056", "source", "email", "comment", "autre lieu"));
        ratings.post("2026-03-01T00:00:03Z", Map.of("service", "impots", "location", "01004", "source", "email", "comment", "autre service"));

        String sheet = sheet(download("/api/v1/exports/ratings.xlsx?service=caf&location=01004&source=email&from=2026-03-01",
                TestCollector.ADMIN_TOKEN));

        assertThat(XlsxWriterTest.count(sheet, "<row ")).isEqualTo(2);
        assertThat(sheet).contains(">garde<", ">01004<").doesNotContain("avant", "autre");
    }

    @Test
    void ratings_xlsx_without_service_holds_only_the_services_of_the_token() throws Exception {
        ratings.post("2026-03-01T10:00:00Z", Map.of("comment", "caf"));
        ratings.post("2026-03-01T11:00:00Z", Map.of("service", "impots", "comment", "impots"));
        String cafOnly = json(collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"CAF\",\"services\":[\"caf\"]}"))
                .get("token").asText();

        var scoped = download("/api/v1/exports/ratings.xlsx", cafOnly);
        var refused = download("/api/v1/exports/ratings.xlsx?service=impots", cafOnly);

        assertThat(sheet(scoped)).contains(">caf<").doesNotContain(">impots<");
        assertThat(scoped.headers().firstValue("Content-Disposition").orElseThrow()).contains("jdma-tous-debut-fin.xlsx");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void xlsx_files_answer_401_without_a_token_and_400_naming_bad_parameters() {
        var anonymous = collector.get("/api/v1/exports/ratings.xlsx?service=caf", null);
        var badRatings = collector.get("/api/v1/exports/ratings.xlsx?service=caf&location=a%20b&from=2026-02-30", TestCollector.ADMIN_TOKEN);
        var badStats = collector.get("/api/v1/stats.xlsx?service=caf&by=year", TestCollector.ADMIN_TOKEN);
        var unknown = collector.get("/api/v1/stats.xlsx?service=inconnu", TestCollector.ADMIN_TOKEN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(collector.get("/api/v1/stats.xlsx", null).statusCode()).isEqualTo(401);
        assertThat(badRatings.statusCode()).isEqualTo(400);
        assertThat(json(badRatings).get("errors").findValuesAsText("field")).containsExactly("location", "from");
        assertThat(badStats.statusCode()).isEqualTo(400);
        assertThat(json(badStats).get("errors").findValuesAsText("field")).containsExactly("by");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void stats_xlsx_holds_the_groups_of_the_csv_with_counts_as_numbers_and_codes_as_text() throws Exception {
        ratings.post("2026-03-02T10:00:00Z", Map.of("location", "01004"));
        ratings.post("2026-03-03T10:00:00Z", Map.of("location", "01004", "satisfaction", "bad"));

        var response = download("/api/v1/stats.xlsx?service=caf&by=month", TestCollector.ADMIN_TOKEN);
        String sheet = sheet(response);

        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"jdma-stats-caf-debut-fin.xlsx\"");
        assertThat(XlsxWriterTest.count(sheet, "<row ")).isEqualTo(2);
        assertThat(XlsxWriterTest.count(sheet, "<c r=\"[A-Z]+1\"")).isEqualTo(17);
        assertThat(sheet).contains("<c r=\"B2\" t=\"inlineStr\"><is><t>01004</t></is></c>",
                "<c r=\"C2\" t=\"inlineStr\"><is><t>2026-03</t></is></c>", "<c r=\"D2\" t=\"n\"><v>2</v></c>",
                "<c r=\"E2\" t=\"n\"><v>5.0</v></c>", "<is><t>avis_insuffisants</t></is>");
    }
}
