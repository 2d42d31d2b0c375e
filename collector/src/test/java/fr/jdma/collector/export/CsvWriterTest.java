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
}
