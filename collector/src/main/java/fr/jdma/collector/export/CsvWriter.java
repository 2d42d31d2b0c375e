package fr.jdma.collector.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A small RFC 4180 writer: CRLF after every record, cells quoted only when they hold the
 * separator, a quote, CR or LF, quotes doubled. A cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe, so a comment like
 * "=HYPERLINK(…)" stays text in Excel or LibreOffice. Null is an empty cell.
 */
public final class CsvWriter {

    /** The two variants the export offers: plain RFC 4180, and what Excel opens correctly in France. */
    public enum Variant {
        STANDARD(',', false), EXCEL(';', true);

        final char separator;
        final boolean byteOrderMark;

        Variant(char separator, boolean byteOrderMark) {
            this.separator = separator;
            this.byteOrderMark = byteOrderMark;
        }
    }

    private final Writer out;
    private final char separator;
    private boolean firstCell = true;

    public CsvWriter(Writer out, Variant variant) throws IOException {
        this.out = out;
        this.separator = variant.separator;
        // Excel reads a CSV without a BOM as Windows-1252: accents and emoji would be garbled.
        if (variant.byteOrderMark) out.write('\uFEFF');
    }

    public CsvWriter cell(String value) throws IOException {
        if (!firstCell) out.write(separator);
        firstCell = false;
        if (value == null || value.isEmpty()) return this;
        String text = defused(value);
        if (needsQuotes(text)) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
        return this;
    }

    public CsvWriter cell(Number value) throws IOException {
        return cell(value == null ? null : value.toString());
    }

    public CsvWriter cell(Boolean value) throws IOException {
        return cell(value == null ? null : value.toString());
    }

    public void row(String... cells) throws IOException {
        for (String cell : cells) cell(cell);
        endRow();
    }

    public void endRow() throws IOException {
        out.write("\r\n");
        firstCell = true;
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String defused(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == separator || c == '"' || c == '\r' || c == '\n') return true;
        }
        return false;
    }
}
