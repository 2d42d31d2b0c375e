package fr.jdma.collector.export;

import fr.jdma.collector.support.BulkRatings;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports hold a database connection while their client reads: a third one waits its turn, ratings never do. */
class ConcurrentExportsTest {

    static final int ROWS = 150_000;  // ~20 MB of CSV: more than the loopback buffers hold, so a client that stops reading blocks its export

    @TempDir
    Path dir;

    @Test
    void a_third_export_while_two_are_streaming_answers_429_and_ratings_are_still_stored() throws Exception {
        try (var collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            BulkRatings.insert(collector, ROWS);

            List<InputStream> slowReaders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var response = collector.send(exportRequest(collector), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                slowReaders.add(response.body());  // headers read, body left unread: the export stays open
            }

            var third = collector.send(exportRequest(collector));
            var rating = collector.postRating(TestCollector.rating("caf"));

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(rating.statusCode()).isEqualTo(201);
            for (InputStream reader : slowReaders) reader.close();
        }
    }

    private static HttpRequest.Builder exportRequest(TestCollector collector) {
        return HttpRequest.newBuilder(URI.create(collector.url("/api/v1/exports/ratings.csv?service=caf")))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN);
    }
}
