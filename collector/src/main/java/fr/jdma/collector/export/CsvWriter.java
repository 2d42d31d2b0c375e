package fr.jdma.collector.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small RFC 4180 writer: CRLF after every record, cells quoted only when they hold the
 * separator, a quote, CR or LF, quotes doubled. A cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe, so a comment like
 * "=HYPERLINK(…)" stays text in Excel or LibreOffice. Null is an empty cell.
 * <p>
 * In the Excel variant a code ({@link #code}) that a spreadsheet would not show as written (01004 read
 * as the number 1004, 2A004, a 12-digit id shown as 1.23E+11, 1E5, 03-04 read as a date, true)
 * is written as {@code ="01004"}: the only CSV form that both Excel and LibreOffice open as the text
 * itself. It is a formula, but one that can only give back its own text: it is written only for codes
 * made of letters, digits and {@code . _ - /} (no quote can close the string), never for a value the
 * formula rule above catches, and never for user text.
 */
public final class CsvWriter implements TableWriter {

    /** What a code may hold to be written as a string-literal formula: nothing that could end the string. */
    private static final Pattern LITERAL_CODE = Pattern.compile("[A-Za-z0-9._/-]{1,128}");
    /**
     * Codes a spreadsheet would not show as written: its booleans, and whatever starts like a number
     * (01004, 2A004, 1E5, 03-04, .5, a 12-digit id shown as 1.23E+11)...
     */
    private static final Pattern READ_AS_NUMBER = Pattern.compile("(?i:true|false|vrai|faux)|[0-9.][A-Za-z0-9._/-]*");
    /** ...except whole numbers it shows in full (no leading zero, at most 11 digits), such as 75056. */
    private static final Pattern SHOWN_IN_FULL = Pattern.compile("[1-9][0-9]{0,10}");

    /** Always three fraction digits, so every row has the same shape (Instant.toString drops zeros). */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
    private final boolean codesAsText;
    private boolean firstCell = true;

    public CsvWriter(Writer out, Variant variant) throws IOException {
        this.out = out;
        this.separator = variant.separator;
        this.codesAsText = variant == Variant.EXCEL;
        // Excel reads a CSV without a BOM as Windows-1252: accents and emoji would be garbled.
        if (variant.byteOrderMark) out.write('\uFEFF');
    }

    public CsvWriter cell(String value) throws IOException {
        return write(value == null || value.isEmpty() ? null : defused(value));
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(names.toArray(String[]::new));
    }

    @Override
    public CsvWriter code(String value) throws IOException {
        if (codesAsText && value != null && LITERAL_CODE.matcher(value).matches() && defused(value).equals(value)
                && READ_AS_NUMBER.matcher(value).matches() && !SHOWN_IN_FULL.matcher(value).matches()) {
            return write("=\"" + value + "\"");
        }
        return cell(value);
    }

    @Override
    public CsvWriter text(String value) throws IOException {
        return cell(value);
    }

    @Override
    public CsvWriter number(Number value) throws IOException {
        return cell(value);
    }

    @Override
    public CsvWriter instant(Instant value) throws IOException {
        return cell(value == null ? null : INSTANT.format(value));
    }

    /** Writes a cell as it is, quoted when it must be. */
    private CsvWriter write(String text) throws IOException {
        if (!firstCell) out.write(separator);
        firstCell = false;
        if (text == null) return this;
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

    @Override
    public CsvWriter bool(Boolean value) throws IOException {
        return cell(value);
    }

    public CsvWriter cell(Boolean value) throws IOException {
        return cell(value == null ? null : value.toString());
    }

    public void row(String... cells) throws IOException {
        for (String cell : cells) cell(cell);
        endRow();
    }

    @Override
    public void endRow() throws IOException {
        out.write("\r\n");
        firstCell = true;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
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
