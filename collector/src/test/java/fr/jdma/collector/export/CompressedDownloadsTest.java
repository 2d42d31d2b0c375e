package fr.jdma.collector.export;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.web.Gzip;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One collector for the whole class: every test only reads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedDownloadsTest {

    @TempDir
    static Path dir;
    TestCollector collector;

    @BeforeAll
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir)).withService("caf");
        for (int i = 0; i < 30; i++) {
            assertThat(collector.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        collector.close();
    }

    HttpResponse<byte[]> download(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collector.url(path)))
                .header("Authorization", "Bearer " + TestCollector.ADMIN_TOKEN);
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return collector.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void CSV_exports_and_stats_are_gzipped_for_clients_that_accept_it_and_unzip_to_the_same_bytes() throws IOException {
        for (String path : new String[] {"/api/v1/exports/ratings.csv?service=caf", "/api/v1/exports/ratings.csv?service=caf&excel=true",
                "/api/v1/stats.csv?service=caf&by=day", "/api/v1/stats?service=caf&by=day"}) {
            HttpResponse<byte[]> plain = download(path, null);
            HttpResponse<byte[]> zipped = download(path, "br;q=1.0, gzip;q=0.8, *;q=0.1");
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(zipped.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(gunzip(zipped.body())).as(path).isEqualTo(plain.body());
            assertThat(plain.body().length).isGreaterThan(100);
        }
    }

    @Test
    void a_client_that_refuses_gzip_or_asks_for_another_coding_gets_the_plain_file() {
        assertThat(download("/api/v1/exports/ratings.csv?service=caf", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(download("/api/v1/exports/ratings.csv?service=caf", "br").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void an_XLSX_is_never_gzipped_again_since_it_is_a_zip_already() {
        HttpResponse<byte[]> xlsx = download("/api/v1/exports/ratings.xlsx?service=caf", "gzip");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
    }

    @Test
    void accept_encoding_is_read_by_its_tokens_and_weights() {
        assertThat(Gzip.accepted("gzip, deflate, br")).isTrue();
        assertThat(Gzip.accepted("GZIP;q=0.5")).isTrue();
        assertThat(Gzip.accepted("x-gzip")).isTrue();
        assertThat(Gzip.accepted("gzip;q=0")).isFalse();
        assertThat(Gzip.accepted("gzip; q=0.000")).isFalse();
        assertThat(Gzip.accepted("deflate, br")).isFalse();
        assertThat(Gzip.accepted(null)).isFalse();
    }
}
