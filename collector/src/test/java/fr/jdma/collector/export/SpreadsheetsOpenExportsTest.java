package fr.jdma.collector.export;

import fr.jdma.collector.support.LibreOffice;
import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an analyst sees: LibreOffice Calc opens our XLSX files and our excel=true CSV files, and we
 * read back every cell as Calc shows it. Each file is converted once (two soffice runs in all);
 * the tests check that output. The collector puts 3 rows per XLSX sheet, so the ratings also
 * show the rows continuing on a second sheet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetsOpenExportsTest {

    static final String COMMENT = "Déjà vu 😀, \"trop\" long;\nsur deux lignes\net une troisième";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"clic\")";
    static final List<String> HEADER = List.of("id", "received_at", "service", "location", "source", "satisfaction",
            "clarity", "help", "help_reached", "help_quality", "comment", "flags", "page", "lang");

    Path work = Path.of("target", "spreadsheets", UUID.randomUUID().toString());
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;
    String first;
    Path converted;

    @BeforeAll
    void exportAndOpenEveryFileInLibreOffice() throws Exception {
        LibreOffice.assumeInstalled();
        Files.createDirectories(work);
        collector = new TestCollector(TestDatabases.h2(work), c -> c.withXlsxRowsPerSheet(3), clock).withService("caf");
        Posting ratings = new Posting(collector, clock);
        first = ratings.post("2026-03-01T10:00:00.000Z", Map.of("location", "01004", "source", "0612", "clarity", 4,
                "help", List.of("counter", "phone"), "helpReached", true, "helpQuality", 2, "comment", COMMENT,
                "page", "https://www.caf.fr/aides", "lang", "fr"));
        ratings.post("2026-03-01T10:00:01.000Z", Map.of("location", "2A004", "comment", HYPERLINK));
        ratings.post("2026-03-01T10:00:02.000Z", Map.of("location", "123456789012345678", "comment", "@SUM(1)"));
        ratings.post("2026-03-01T10:00:03.000Z", Map.of("location", "-caf", "source", "-x", "comment", "+33 c'est bien"));
        ratings.post("2026-03-01T10:00:04.250Z", Map.of("location", "75056", "comment", "-5 points pour l'attente"));

        Path files = Files.createDirectories(work.resolve("files"));
        Path ratingsXlsx = download("/api/v1/exports/ratings.xlsx?service=caf", files.resolve("ratings.xlsx"));
        Path statsXlsx = download("/api/v1/stats.xlsx?service=caf", files.resolve("stats.xlsx"));
        Path ratingsCsv = download("/api/v1/exports/ratings.csv?service=caf&excel=true", files.resolve("ratings-excel.csv"));
        Path statsCsv = download("/api/v1/stats.csv?service=caf&excel=true", files.resolve("stats-excel.csv"));

        converted = work.resolve("converted");
        LibreOffice calc = new LibreOffice(work);
        calc.convert(converted, null, ratingsXlsx, statsXlsx);
        calc.convert(converted, LibreOffice.EXCEL_CSV_IMPORT, ratingsCsv, statsCsv);
    }

    @AfterAll
    void stop() {
        if (collector != null) collector.close();
    }

    Path download(String path, Path file) {
        HttpResponse<Path> response = collector.send(HttpRequest.newBuilder(URI.create(collector.url(path)))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN), HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return file;
    }

    List<CSVRecord> sheet(String name) throws Exception {
        return LibreOffice.rows(converted.resolve(name));
    }

    static List<String> column(List<CSVRecord> rows, int index) {
        return rows.stream().skip(1).map(r -> r.get(index)).toList();
    }

    @Test
    void the_ratings_xlsx_opens_with_14_columns_and_every_cell_as_stored() throws Exception {
        List<CSVRecord> avis = sheet("ratings-avis.csv");

        assertThat(avis.get(0).values()).containsExactly("id", "received_at", "service", "location", "source",
                "satisfaction", "clarity", "help", "help_reached", "help_quality", "comment", "flags", "page", "lang");
        assertThat(avis).allSatisfy(r -> assertThat(r.size()).isEqualTo(14));
        CSVRecord row = avis.get(1);
        assertThat(row.values()).containsExactly(first, "2026-03-01 10:00:00.000", "caf", "01004", "0612", "good", "4",
                "counter|phone", "TRUE", "2", COMMENT, "", "https://www.caf.fr/aides", "fr");
    }

    @Test
    void the_ratings_xlsx_keeps_codes_and_shows_formula_payloads_as_plain_text() throws Exception {
        List<CSVRecord> avis = sheet("ratings-avis.csv");
        List<CSVRecord> next = sheet("ratings-avis (2).csv");

        assertThat(column(avis, 3)).containsExactly("01004", "2A004", "123456789012345678");
        assertThat(column(avis, 10)).containsExactly(COMMENT, HYPERLINK, "@SUM(1)");
        assertThat(column(next, 3)).containsExactly("-caf", "75056");
        assertThat(column(next, 4)).containsExactly("-x", "");
        assertThat(column(next, 10)).containsExactly("+33 c'est bien", "-5 points pour l'attente");
    }

    @Test
    void ratings_past_the_rows_of_a_sheet_continue_on_a_second_sheet_under_the_same_header() throws Exception {
        List<CSVRecord> avis = sheet("ratings-avis.csv");
        List<CSVRecord> next = sheet("ratings-avis (2).csv");

        assertThat(avis).hasSize(1 + 3);
        assertThat(next).hasSize(1 + 2);
        assertThat(next.get(0).values()).isEqualTo(avis.get(0).values());
        assertThat(column(next, 1)).containsExactly("2026-03-01 10:00:03.000", "2026-03-01 10:00:04.250");
        assertThat(converted.resolve("ratings-avis (3).csv")).doesNotExist();
    }

    @Test
    void the_excel_csv_opens_with_14_columns_codes_kept_as_text_and_user_text_intact() throws Exception {
        List<CSVRecord> rows = sheet("ratings-excel-ratings-excel.csv");

        assertThat(rows.get(0).values()).containsExactlyElementsOf(HEADER);
        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.size()).isEqualTo(14));
        assertThat(column(rows, 0).get(0)).isEqualTo(first);
        assertThat(column(rows, 3)).containsExactly("01004", "2A004", "123456789012345678", "'-caf", "75056");
        assertThat(column(rows, 4)).containsExactly("0612", "", "", "'-x", "");
        assertThat(rows.get(1).get(10)).isEqualTo(COMMENT);
        // The formula rule, unchanged: user text that Calc would run keeps its visible apostrophe.
        assertThat(column(rows, 10)).containsExactly(COMMENT, "'" + HYPERLINK, "'@SUM(1)", "'+33 c'est bien",
                "'-5 points pour l'attente");
        assertThat(column(rows, 6)).containsExactly("4", "", "", "", "");
        assertThat(column(rows, 8)).containsExactly("TRUE", "", "", "", "");
    }

    @Test
    void the_stats_xlsx_and_excel_csv_open_with_codes_as_text_and_counts_as_numbers() throws Exception {
        List<CSVRecord> xlsx = new ArrayList<>(sheet("stats-indicateurs.csv"));
        xlsx.addAll(sheet("stats-indicateurs (2).csv").subList(1, 3));
        List<CSVRecord> csv = sheet("stats-excel-stats-excel.csv");

        for (List<CSVRecord> rows : List.of(xlsx, csv)) {
            assertThat(rows.get(0).values()).containsExactlyElementsOf(fr.jdma.collector.stats.StatsController.CSV_COLUMNS);
            assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.size()).isEqualTo(17));
            assertThat(column(rows, 1)).contains("01004", "2A004", "123456789012345678", "75056");
            assertThat(column(rows, 3)).containsOnly("1");
            assertThat(column(rows, 5)).containsOnly("avis_insuffisants");
        }
        assertThat(column(xlsx, 1)).contains("-caf");
        assertThat(column(csv, 1)).contains("'-caf");
        CSVRecord commune = xlsx.stream().filter(r -> r.get(1).equals("01004")).findFirst().orElseThrow();
        assertThat(commune.values()).containsExactly("caf", "01004", "2026-03-01/2026-03-01", "1", "10", "avis_insuffisants",
                "1", "0", "0", "7.5", "1", "100", "1", "2.5", "1", "0", "1");
    }
}
