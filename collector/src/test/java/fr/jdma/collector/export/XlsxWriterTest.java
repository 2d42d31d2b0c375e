package fr.jdma.collector.export;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook's XML itself: what a spreadsheet reads, checked without one (SpreadsheetsOpenExportsTest uses LibreOffice). */
class XlsxWriterTest {

    @TempDir
    Path dir;

    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://x\",\"clic\")", "@SUM(1)", "+33 c'est bien",
            "-5 points pour l'attente");

    /** The workbook's parts by name, as text (read through the zip's central directory, as spreadsheets do). */
    static Map<String, String> parts(Path xlsx) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }

    Map<String, String> parts(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".xlsx");
        Files.write(file, xlsx);
        return parts(file);
    }

    static byte[] write(int rowsPerSheet, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter xlsx = new XlsxWriter(out, "avis", rowsPerSheet);
        xlsx.header(List.of("id", "received_at", "clarity", "comment"));
        for (int i = 0; i < rows; i++) {
            xlsx.code("0100" + i).instant(Instant.parse("2026-03-01T10:15:30.123Z")).number(i % 5 + 1)
                    .text(PAYLOADS.get(i % PAYLOADS.size()));
            xlsx.endRow();
        }
        xlsx.close();
        return out.toByteArray();
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void text_is_written_as_inline_strings_and_no_cell_is_ever_a_formula() throws IOException {
        String sheet = parts(write(10, 4)).get("xl/worksheets/sheet1.xml");

        assertThat(sheet).doesNotContain("<f>").doesNotContain("t=\"s\"");
        assertThat(sheet).contains("<c r=\"A2\" t=\"inlineStr\"><is><t>01000</t></is></c>");
        assertThat(sheet).contains("<is><t>=HYPERLINK(&quot;http://x&quot;,&quot;clic&quot;)</t></is>", "<is><t>@SUM(1)</t></is>",
                "<is><t>+33 c&apos;est bien</t></is>", "<is><t>-5 points pour l&apos;attente</t></is>");
    }

    @Test
    void answers_are_numbers_and_instants_are_date_times_with_a_date_format() throws IOException {
        Map<String, String> parts = parts(write(10, 1));
        String sheet = parts.get("xl/worksheets/sheet1.xml");

        assertThat(sheet).containsPattern("<c r=\"C2\" t=\"n\"><v>1</v></c>");
        // 2026-03-01T10:15:30.123 as an Excel serial day number
        assertThat(sheet).containsPattern("<c r=\"B2\" s=\"\\d+\" t=\"n\"><v>46082\\.42743197\\d*</v></c>");
        assertThat(parts.get("xl/styles.xml")).contains("formatCode=\"yyyy-mm-dd hh:mm:ss.000\"");
    }

    @Test
    void the_header_row_is_frozen_keeps_the_contract_names_notes_UTC_on_instants_and_columns_have_widths() throws IOException {
        String sheet = parts(write(10, 2)).get("xl/worksheets/sheet1.xml");

        assertThat(sheet).contains("ySplit=\"1\"", "state=\"frozen\"");
        assertThat(sheet).contains("<is><t>received_at</t></is>").doesNotContain("(UTC)");
        assertThat(parts(write(10, 2)).get("xl/comments1.xml")).contains("ref=\"B1\"", "Heure UTC");
        assertThat(count(sheet, "<col [^>]*width=")).isEqualTo(4);
    }

    @Test
    void rows_past_the_limit_of_a_sheet_continue_on_the_next_sheet_under_the_same_header() throws IOException {
        Map<String, String> parts = parts(write(2, 5));

        assertThat(parts).containsKeys("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml")
                .doesNotContainKey("xl/worksheets/sheet4.xml");
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"avis\"", "name=\"avis (2)\"", "name=\"avis (3)\"");
        List<String> sheets = List.of(parts.get("xl/worksheets/sheet1.xml"), parts.get("xl/worksheets/sheet2.xml"),
                parts.get("xl/worksheets/sheet3.xml"));
        assertThat(sheets).extracting(s -> count(s, "<row ")).containsExactly(3, 3, 2);
        assertThat(sheets).allSatisfy(s -> assertThat(s).contains("<c r=\"A1\" s=\"", ">id</t>", "state=\"frozen\""));
        assertThat(sheets.get(1)).contains(">01002</t>", ">01003</t>");
        assertThat(sheets.get(2)).contains("<c r=\"A2\" t=\"inlineStr\"><is><t>01004</t>");
    }

    @Test
    void a_sheet_exactly_full_does_not_open_an_empty_one() throws IOException {
        assertThat(parts(write(2, 4))).containsKey("xl/worksheets/sheet2.xml").doesNotContainKey("xl/worksheets/sheet3.xml");
    }
}
