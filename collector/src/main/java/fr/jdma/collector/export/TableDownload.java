package fr.jdma.collector.export;

import fr.jdma.collector.web.Gzip;
import fr.jdma.collector.web.Streams;
import io.javalin.http.Context;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Sends a table as a file to download, streamed as it is written: the one place for the file's
 * headers, for choosing its writer and for a failure half-way. Used by the ratings and the indicators.
 */
public final class TableDownload {

    /** The two files a table comes as; the CSV has its own variants ({@link CsvWriter.Variant}). */
    public enum Format {
        CSV("csv", "text/csv; charset=utf-8"), XLSX("xlsx", XlsxWriter.XLSX_TYPE);

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** Writes the rows (header first) into the table. */
    @FunctionalInterface
    public interface Rows {
        void write(TableWriter table) throws IOException;
    }

    private final int rowsPerSheet;

    /** @param rowsPerSheet rows under the header of an XLSX sheet before the next sheet ({@link XlsxWriter#MAX_ROWS_PER_SHEET}) */
    public TableDownload(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    /**
     * @param name      the file name without its extension
     * @param sheetName the XLSX sheet's name
     * @param requester who asked, for the log line of a failed download
     */
    public void send(Context ctx, Format format, CsvWriter.Variant variant, String name, String sheetName,
                     String requester, Rows rows) {
        String file = name + "." + format.extension;
        // An XLSX is a zip already; a CSV shrinks about tenfold, so it is gzipped for clients that accept it.
        boolean gzip = format == Format.CSV && Gzip.accepted(ctx.header("Accept-Encoding"));
        ctx.contentType(format.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .header("Vary", "Accept-Encoding");
        if (gzip) ctx.header("Content-Encoding", "gzip");
        // The status goes out with the first bytes: a failure after them can only cut the body short,
        // and the file is not closed then (a closed XLSX or CSV would look complete).
        try {
            OutputStream out = gzip ? new GZIPOutputStream(ctx.outputStream(), 64 * 1024) : ctx.outputStream();
            TableWriter table = open(format, variant, out, sheetName);
            rows.write(table);
            table.close();
        } catch (IOException | RuntimeException e) {
            Streams.failed(ctx, e, "download of " + file + " for " + requester);
        }
    }

    private TableWriter open(Format format, CsvWriter.Variant variant, OutputStream out, String sheetName) throws IOException {
        return switch (format) {
            case CSV -> new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), variant);
            case XLSX -> new XlsxWriter(out, sheetName, rowsPerSheet);
        };
    }
}
