package fr.jdma.collector.export;

import fr.jdma.collector.support.BulkRatings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that cancels its download is an ordinary event: one INFO line, no ERROR, no stack trace. */
class CancelledExportTest {

    static final int ROWS = 40_000; // more CSV than the loopback buffers hold: the export is still writing when the client leaves

    @TempDir
    Path dir;

    @Test
    void a_cancelled_export_download_is_one_INFO_line_and_no_stack_trace() throws Exception {
        try (var collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            BulkRatings.insert(collector, ROWS);

            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                try (Socket socket = new Socket("localhost", URI.create(collector.url("/")).getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/v1/exports/ratings.csv?service=caf HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestCollector.ADMIN_TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    in.readNBytes(64 * 1024); // the download has started
                    socket.setSoLinger(true, 0); // then the client cancels: the connection is reset
                }
                // the server notices at its next write; the health check shows it is still serving
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!captured.toString(StandardCharsets.UTF_8).contains("cancelled by the client") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(collector.get("/health", null).statusCode()).isEqualTo(200);
                Thread.sleep(500); // anything the server would log after the abort
            } finally {
                System.setErr(original);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            original.print(log);
            assertThat(log.lines().filter(l -> l.contains("cancelled by the client"))).hasSize(1)
                    .allMatch(l -> l.contains(" INFO "));
            assertThat(log).doesNotContain("ERROR", "WARN", "\tat ", "Exception:");
        }
    }
}
