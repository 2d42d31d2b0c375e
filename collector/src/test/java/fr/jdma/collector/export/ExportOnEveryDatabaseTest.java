package fr.jdma.collector.export;

import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportOnEveryDatabaseTest {

    static final int ROWS = 2_500; // more than the cursor's fetch size, so several fetches happen

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void export_streams_every_row_in_order_across_several_fetches(String kind) throws Exception {
        try (var collector = new TestCollector(TestDatabases.of(kind, dir)).withService("caf")) {
            List<String> expected = insert(collector.database().dsl());

            var response = collector.get("/api/v1/exports/ratings.csv?service=caf&from=2026-01-01", TestCollector.ADMIN_TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body())).getRecords();
            assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(expected);
            assertThat(rows.get(7).get("comment")).isEqualTo("ligne 1\nligne 2, \"7\"");
            assertThat(rows.get(7).get("received_at")).isEqualTo("2026-03-01T00:00:07.000Z");
        }
    }

    /** Inserts in reverse so the export has to order them; returns the ids in reception order. */
    static List<String> insert(DSLContext db) {
        List<String> ids = new ArrayList<>();
        var batch = db.batch(db.insertInto(Ratings.TABLE, Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE,
                Ratings.LOCATION, Ratings.SOURCE, Ratings.SATISFACTION, Ratings.COMMENT).values((String) null, null, null, null, null, null, null));
        long start = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        for (int i = ROWS - 1; i >= 0; i--) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            batch = batch.bind(id, start + i * 1000L, "caf", "", "", "good", "ligne 1\nligne 2, \"" + i + "\"");
        }
        batch.execute();
        for (int i = 0; i < ROWS; i++) ids.add(String.format("00000000-0000-4000-8000-%012d", i));
        return ids;
    }
}
