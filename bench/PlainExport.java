import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The export's floor for bench/run.sh: plain JDBC reading the same columns of one service in the export's
 * order and writing them as naive CSV lines to nowhere (no quoting, no defusing, no HTTP).
 * java -cp collector/target/jdma-collector.jar bench/PlainExport.java URL SERVICE  → prints rows/s
 */
public class PlainExport {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(args[0])) {
            c.setAutoCommit(false);
            if (args[0].startsWith("jdbc:h2:")) c.createStatement().execute("SET LAZY_QUERY_EXECUTION TRUE");
            try (PreparedStatement s = c.prepareStatement("SELECT id, received_at, service, location, source, satisfaction, "
                    + "clarity, help, help_reached, help_quality, comment, flags, page, lang FROM ratings "
                    + "WHERE service = ? ORDER BY received_at, id")) {
                s.setFetchSize(1000);
                s.setString(1, args[1]);
                try (ResultSet r = s.executeQuery();
                     BufferedWriter out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
                    while (r.next()) {
                        for (int i = 1; i <= 14; i++) {
                            if (i > 1) out.write(',');
                            String v = r.getString(i);
                            if (v != null) out.write(v);
                        }
                        out.write('\n');
                        rows++;
                    }
                }
            }
        }
        System.out.printf("%.0f %d%n", rows / ((System.nanoTime() - start) / 1e9), rows);
    }
}
