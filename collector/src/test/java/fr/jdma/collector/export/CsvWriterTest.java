package fr.jdma.collector.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    static String write(CsvWriter.Variant variant, String... cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out, variant).row(cells);
        return out.toString();
    }

    @Test
    void plain_cells_are_written_as_they_are_separated_by_commas_and_ended_by_CRLF() throws IOException {
        assertThat(write(CsvWriter.Variant.STANDARD, "a", "b c", "é")).isEqualTo("a,b c,é\r\n");
    }

    @Test
    void null_and_empty_cells_are_empty() throws IOException {
        assertThat(write(CsvWriter.Variant.STANDARD, null, "", "x")).isEqualTo(",,x\r\n");
    }

    @Test
    void cells_holding_the_separator_a_quote_CR_or_LF_are_quoted_with_quotes_doubled() throws IOException {
        assertThat(write(CsvWriter.Variant.STANDARD, "a,b", "dit \"non\"", "l1\nl2", "l1\r\nl2", "a;b"))
                .isEqualTo("\"a,b\",\"dit \"\"non\"\"\",\"l1\nl2\",\"l1\r\nl2\",a;b\r\n");
    }

    @Test
    void the_excel_variant_starts_with_a_BOM_separates_with_semicolons_and_quotes_cells_holding_one() throws IOException {
        assertThat(write(CsvWriter.Variant.EXCEL, "a;b", "c,d")).isEqualTo("\uFEFF\"a;b\";c,d\r\n");
    }

    @Test
    void cells_a_spreadsheet_would_run_as_a_formula_get_a_leading_apostrophe() throws IOException {
        assertThat(write(CsvWriter.Variant.STANDARD, "=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx", "a=b"))
                .isEqualTo("'=1+1,'+33,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n");
    }

    static String codes(CsvWriter.Variant variant, String... codes) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, variant);
        for (String code : codes) csv.code(code);
        csv.endRow();
        return out.toString();
    }

    @Test
    void the_excel_variant_writes_codes_a_spreadsheet_would_change_as_a_text_formula() throws IOException {
        assertThat(codes(CsvWriter.Variant.EXCEL, "01004", "2A004", ".5", "123456789012", "1E5", "03-04", "TRUE"))
                .isEqualTo("\uFEFF\"=\"\"01004\"\"\";\"=\"\"2A004\"\"\";\"=\"\".5\"\"\";\"=\"\"123456789012\"\"\";"
                        + "\"=\"\"1E5\"\"\";\"=\"\"03-04\"\"\";\"=\"\"TRUE\"\"\"\r\n");
    }

    @Test
    void the_excel_variant_leaves_codes_a_spreadsheet_shows_as_written_and_empty_ones_alone() throws IOException {
        assertThat(codes(CsvWriter.Variant.EXCEL, "75056", "caf", "aide-logement", "caf-94", "button", null, ""))
                .isEqualTo("\uFEFF75056;caf;aide-logement;caf-94;button;;\r\n");
    }

    @Test
    void a_code_the_formula_rule_catches_or_that_could_end_a_string_is_never_a_text_formula() throws IOException {
        assertThat(codes(CsvWriter.Variant.EXCEL, "-01004", "0\"1", "=\"1\"")).isEqualTo("\uFEFF'-01004;\"0\"\"1\";\"'=\"\"1\"\"\"\r\n");
    }

    @Test
    void the_standard_variant_writes_codes_as_they_are() throws IOException {
        assertThat(codes(CsvWriter.Variant.STANDARD, "01004", "2A004", "-caf")).isEqualTo("01004,2A004,'-caf\r\n");
    }

    @Test
    void user_text_is_never_written_as_a_text_formula_even_when_it_looks_like_a_code() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out, CsvWriter.Variant.EXCEL).text("01004").text("=1+1").endRow();

        assertThat(out.toString()).isEqualTo("\uFEFF01004;'=1+1\r\n");
    }
}
