package fr.jdma.collector.export;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A table written row by row, whatever the file: each cell says what it holds, and the format
 * decides how a spreadsheet must see it (a code stays text, an answer is a number, a time is a time).
 * {@link #close()} ends the file and closes the stream under it.
 */
public interface TableWriter extends Closeable {

    /** The first row. Columns named {@code *_at} hold UTC instants. */
    void header(List<String> names) throws IOException;

    /** A service, location or source code: text a spreadsheet must never turn into a number or a date. */
    TableWriter code(String value) throws IOException;

    /** Free text, written as it is (user text included: never run as a formula). */
    TableWriter text(String value) throws IOException;

    TableWriter number(Number value) throws IOException;

    TableWriter bool(Boolean value) throws IOException;

    /** An instant, in UTC. */
    TableWriter instant(Instant value) throws IOException;

    void endRow() throws IOException;
}
