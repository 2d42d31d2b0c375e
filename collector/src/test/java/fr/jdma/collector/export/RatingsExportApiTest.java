package fr.jdma.collector.export;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class RatingsExportApiTest {

    static final String HEADER = "id,received_at,service,location,source,satisfaction,clarity,help,help_reached,help_quality,comment,flags,page,lang";

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:15:30.123Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf").withService("impots");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    /** Posts a rating at the given instant; fields are added to a minimal valid rating. */
    String post(String at, Map<String, Object> fields) {
        return new Posting(collector, clock).post(at, fields);
    }

    HttpResponse<String> export(String query) {
        return collector.get("/api/v1/exports/ratings.csv?" + query, TestCollector.ADMIN_TOKEN);
    }

    static List<CSVRecord> parse(String csv, CSVFormat format) {
        try {
            return format.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void export_starts_with_the_header_line_and_has_every_column_in_product_order() {
        var response = export("service=caf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HEADER + "\r\n");
    }

    @Test
    void export_answers_text_csv_as_an_attachment_named_after_service_and_period() {
        var open = export("service=caf");
        var dated = export("service=caf&from=2026-03-01&to=2026-03-31");

        assertThat(open.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(open.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"jdma-caf-debut-fin.csv\"");
        assertThat(dated.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"jdma-caf-2026-03-01-2026-03-31.csv\"");
    }

    @Test
    void every_field_of_a_rating_is_written_in_its_column() {
        String id = post("2026-03-01T10:15:30Z", Map.of("location", "caf-94", "source", "email", "satisfaction", "average",
                "clarity", 4, "help", List.of("counter", "phone"), "helpReached", true, "helpQuality", 2,
                "comment", "Très long délai", "page", "https://www.caf.fr/demarche?dossier=1#x", "lang", "fr"));

        CSVRecord row = parse(export("service=caf").body(), CSVFormat.RFC4180).get(0);

        assertThat(row.toMap()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("id", id), Map.entry("received_at", "2026-03-01T10:15:30.000Z"), Map.entry("service", "caf"),
                Map.entry("location", "caf-94"), Map.entry("source", "email"), Map.entry("satisfaction", "average"),
                Map.entry("clarity", "4"), Map.entry("help", "counter|phone"), Map.entry("help_reached", "true"),
                Map.entry("help_quality", "2"), Map.entry("comment", "Très long délai"), Map.entry("flags", ""),
                Map.entry("page", "https://www.caf.fr/demarche"), Map.entry("lang", "fr")));
    }

    @Test
    void unanswered_questions_are_empty_cells_and_flags_are_joined_with_a_bar() {
        post("2026-03-01T10:15:30.123Z", Map.of("help", List.of("none"), "comment", "ÉCRIT EN MAJUSCULES, ESPÈCE DE NUL"));

        CSVRecord row = parse(export("service=caf").body(), CSVFormat.RFC4180).get(0);

        assertThat(row.get("received_at")).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(row.get("clarity")).isEmpty();
        assertThat(row.get("help")).isEqualTo("none");
        assertThat(row.get("help_reached")).isEmpty();
        assertThat(row.get("help_quality")).isEmpty();
        assertThat(row.get("flags").split("\\|")).containsExactlyInAnyOrder("capitals", "insult");
    }

    @Test
    void rows_are_ordered_by_reception_then_id_and_other_services_are_left_out() {
        String late = post("2026-03-02T00:00:00Z", Map.of());
        String early = post("2026-03-01T00:00:00Z", Map.of());
        String a = post("2026-03-01T12:00:00Z", Map.of("id", "00000000-0000-4000-8000-000000000002"));
        String b = post("2026-03-01T12:00:00Z", Map.of("id", "00000000-0000-4000-8000-000000000001"));
        post("2026-03-01T12:00:00Z", Map.of("service", "impots"));

        var ids = parse(export("service=caf").body(), CSVFormat.RFC4180).stream().map(r -> r.get("id")).toList();

        assertThat(ids).containsExactly(early, b, a, late);
    }

    @Test
    void comments_with_accents_emoji_quotes_separators_and_newlines_survive_both_variants() {
        // Ingest stores CRLF as LF, so the comment comes back with LF only.
        String comment = "Déjà vu 😀, \"trop\" long;\nsur deux lignes\net une troisième";
        post("2026-03-01T10:00:00Z", Map.of("comment", comment));

        var standard = parse(export("service=caf").body(), CSVFormat.RFC4180);
        String excelBody = export("service=caf&excel=true").body();
        var excel = parse(excelBody.substring(1), CSVFormat.RFC4180.builder().setDelimiter(';').get());

        assertThat(standard.get(0).get("comment")).isEqualTo(comment);
        assertThat(excel.get(0).get("comment")).isEqualTo(comment);
    }

    @Test
    void export_with_excel_true_starts_with_a_BOM_and_uses_semicolons_and_CRLF() {
        post("2026-03-01T10:00:00Z", Map.of("location", "75056"));

        String body = export("service=caf&excel=true").body();

        assertThat(body).startsWith("\uFEFF" + HEADER.replace(',', ';') + "\r\n");
        assertThat(body.substring(1).split("\r\n")).hasSize(2);
        assertThat(body.split("\r\n")[1]).contains(";75056;").doesNotContain(",");
    }

    @Test
    void text_cells_a_spreadsheet_would_run_as_formulas_are_prefixed_with_an_apostrophe() {
        post("2026-03-01T10:00:00Z", Map.of("location", "-caf", "comment", "=HYPERLINK(\"http://x\",\"clic\")"));
        post("2026-03-01T10:00:01Z", Map.of("comment", "@SUM(1)"));
        post("2026-03-01T10:00:02Z", Map.of("comment", "+33 c'est bien", "source", "-x"));
        post("2026-03-01T10:00:03Z", Map.of("comment", "-5 points pour l'attente"));

        var rows = parse(export("service=caf").body(), CSVFormat.RFC4180);

        assertThat(rows).extracting(r -> r.get("comment")).containsExactly("'=HYPERLINK(\"http://x\",\"clic\")",
                "'@SUM(1)", "'+33 c'est bien", "'-5 points pour l'attente");
        assertThat(rows.get(0).get("location")).isEqualTo("'-caf");
        assertThat(rows.get(2).get("source")).isEqualTo("'-x");
    }

    @Test
    void location_and_source_filter_the_rows() {
        String kept = post("2026-03-01T10:00:00Z", Map.of("location", "caf-94", "source", "email"));
        post("2026-03-01T10:00:01Z", Map.of("location", "caf-94", "source", "button"));
        post("2026-03-01T10:00:02Z", Map.of("location", "caf-75", "source", "email"));

        var rows = parse(export("service=caf&location=caf-94&source=email").body(), CSVFormat.RFC4180);

        assertThat(rows).extracting(r -> r.get("id")).containsExactly(kept);
    }

    @Test
    void the_period_is_whole_UTC_days_with_to_inclusive_up_to_the_last_millisecond() {
        post("2026-02-28T23:59:59.999Z", Map.of("comment", "before"));
        post("2026-03-01T00:00:00.000Z", Map.of("comment", "first"));
        post("2026-03-31T23:59:59.999Z", Map.of("comment", "last"));
        post("2026-04-01T00:00:00.000Z", Map.of("comment", "after"));

        var rows = parse(export("service=caf&from=2026-03-01&to=2026-03-31").body(), CSVFormat.RFC4180);
        var fromOnly = parse(export("service=caf&from=2026-03-01").body(), CSVFormat.RFC4180);
        var toOnly = parse(export("service=caf&to=2026-02-28").body(), CSVFormat.RFC4180);

        assertThat(rows).extracting(r -> r.get("comment")).containsExactly("first", "last");
        assertThat(fromOnly).extracting(r -> r.get("comment")).containsExactly("first", "last", "after");
        assertThat(toOnly).extracting(r -> r.get("comment")).containsExactly("before");
    }

    @Test
    void an_export_of_several_services_is_still_ordered_by_reception_then_id() {
        String third = post("2026-03-01T12:00:00Z", Map.of("service", "caf"));
        String first = post("2026-03-01T10:00:00Z", Map.of("service", "impots"));
        String second = post("2026-03-01T11:00:00Z", Map.of("service", "caf"));
        String fourth = post("2026-03-01T13:00:00Z", Map.of("service", "impots"));

        var ids = parse(export("").body(), CSVFormat.RFC4180).stream().map(r -> r.get("id")).toList();

        assertThat(ids).containsExactly(first, second, third, fourth);
    }

    @Test
    void export_without_service_gives_every_service_the_token_may_read() {
        post("2026-03-01T10:00:00Z", Map.of("comment", "caf"));
        post("2026-03-01T11:00:00Z", Map.of("service", "impots", "comment", "impots"));
        var created = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"CAF\",\"services\":[\"caf\"]}");
        String cafOnly = json(created).get("token").asText();

        var all = export("from=2026-03-01");
        var scoped = collector.get("/api/v1/exports/ratings.csv", cafOnly);

        assertThat(parse(all.body(), CSVFormat.RFC4180)).extracting(r -> r.get("service")).containsExactly("caf", "impots");
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow()).contains("jdma-tous-2026-03-01-fin.csv");
        assertThat(parse(scoped.body(), CSVFormat.RFC4180)).extracting(r -> r.get("service")).containsExactly("caf");
    }

    @Test
    void bad_dates_answer_400_naming_the_field_and_from_after_to_names_to() {
        var bad = export("service=caf&from=2026-02-30&to=demain");
        var reversed = export("service=caf&from=2026-03-02&to=2026-03-01");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field")).containsExactly("from", "to");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(json(reversed).get("errors").findValuesAsText("field")).containsExactly("to");
    }

    @Test
    void bad_location_source_or_excel_answer_400_naming_them() {
        var response = export("service=caf&location=a%20b&source=%3Cx%3E&excel=peut-etre");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("location", "source", "excel");
    }

    @Test
    void export_of_an_unknown_service_answers_404() {
        assertThat(export("service=inconnu").statusCode()).isEqualTo(404);
    }
}
