package fr.jdma.collector.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as an XLSX workbook, streamed: rows go out in batches, so memory stays flat whatever the
 * number of rows. Text is written as inline strings (a cell type that is text, never a formula, and
 * that needs no shared-string table held in memory until the end). The header row is frozen and bold;
 * column widths fit the first rows. A sheet holds at most {@link #MAX_ROWS_PER_SHEET} rows under its
 * header; the rows after continue on a new sheet with the same header.
 */
public final class XlsxWriter implements TableWriter {

    /** Excel's and LibreOffice's last row is 1,048,576: the header and this many rows fill a sheet. */
    static final String UTC_NOTE = "Heure UTC (temps universel coordonné)";

    public static final int MAX_ROWS_PER_SHEET = 1_048_575;
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept before they are written out; the first batch also sizes the columns. */
    private static final int BATCH = 1_000;
    private static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss.000";
    /** Characters a date-time shows with that format. */
    private static final int DATE_TIME_WIDTH = 23;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    private final OutputStream out;
    private final Workbook workbook;
    private final String sheetName;
    private final int rowsPerSheet;
    private final List<Worksheet> sheets = new ArrayList<>();
    private List<String> header = List.of();
    /** Widths measured on the first batch, then kept for every sheet (they must precede the first written row). */
    private int[] widths = new int[0];
    private boolean widthsMeasured;
    private Worksheet sheet;
    /** The row being written in the current sheet (0 is the header) and its next column. */
    private int row;
    private int column;

    /** @param sheetName the first sheet's name; the next ones are numbered ("avis (2)") */
    public XlsxWriter(OutputStream out, String sheetName, int rowsPerSheet) {
        if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rows per sheet must be 1 to " + MAX_ROWS_PER_SHEET + ", got " + rowsPerSheet);
        }
        this.out = out;
        this.workbook = new Workbook(out, "Je donne mon avis", "1.0");
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public void header(List<String> names) throws IOException {
        // The contract's column names, exactly as in the CSV; a cell holds no time zone, so the
        // instants' header cells carry a note that says UTC.
        header = List.copyOf(names);
        widths = header.stream().mapToInt(n -> Math.max(MIN_WIDTH, n.length() + 2)).toArray();
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            writeBatch();
            sheet.finish();
        }
        sheet = workbook.newWorksheet(sheets.isEmpty() ? sheetName : sheetName + " (" + (sheets.size() + 1) + ")");
        sheets.add(sheet);
        sheet.freezePane(0, 1);
        for (int c = 0; c < header.size(); c++) {
            sheet.inlineString(0, c, header.get(c));
            sheet.style(0, c).bold().set();
            if (header.get(c).endsWith("_at")) sheet.comment(0, c, UTC_NOTE);
        }
        if (widthsMeasured) applyWidths();
        row = 1;
        column = 0;
    }

    /** The next cell, on a new sheet when this one is full. */
    private int nextColumn() throws IOException {
        if (column == 0 && row > rowsPerSheet) newSheet();
        return column++;
    }

    @Override
    public XlsxWriter code(String value) throws IOException {
        return text(value);
    }

    @Override
    public XlsxWriter text(String value) throws IOException {
        int c = nextColumn();
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, c, value);
            measure(c, value.length());
        }
        return this;
    }

    @Override
    public XlsxWriter number(Number value) throws IOException {
        int c = nextColumn();
        if (value != null) {
            sheet.value(row, c, value);
            measure(c, value.toString().length());
        }
        return this;
    }

    /** A spreadsheet boolean: TRUE, or VRAI in a French Excel. */
    @Override
    public XlsxWriter bool(Boolean value) throws IOException {
        int c = nextColumn();
        if (value != null) sheet.value(row, c, value);
        return this;
    }

    /** A date-time cell: the UTC wall-clock time (a cell has no zone; the header's note says UTC). */
    @Override
    public XlsxWriter instant(Instant value) throws IOException {
        int c = nextColumn();
        if (value != null) {
            sheet.value(row, c, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            sheet.style(row, c).format(DATE_TIME).set();
            measure(c, DATE_TIME_WIDTH);
        }
        return this;
    }

    @Override
    public void endRow() throws IOException {
        if (column == 0) nextColumn(); // an empty row still takes its place
        row++;
        column = 0;
        if (row % BATCH == 0) writeBatch();
    }

    private void measure(int c, int length) {
        if (!widthsMeasured && c < widths.length) widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], length + 2));
    }

    private void writeBatch() throws IOException {
        if (!widthsMeasured) {
            widthsMeasured = true;
            applyWidths();
        }
        sheet.flush();
    }

    private void applyWidths() {
        for (int c = 0; c < widths.length; c++) sheet.width(c, widths[c]);
    }

    /** Ends the last sheet and the workbook, then closes the stream. */
    @Override
    public void close() throws IOException {
        if (sheet == null) header(List.of());
        writeBatch();
        workbook.finish();
        out.close();
    }
}
