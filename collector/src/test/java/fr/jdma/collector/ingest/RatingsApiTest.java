package fr.jdma.collector.ingest;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RatingsApiTest {

    @TempDir
    Path dir;
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir)).withService("caf");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    @Test
    void POST_of_a_valid_rating_returns_201_with_its_id() {
        var response = collector.postRating("{\"id\":\"3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70\",\"service\":\"caf\",\"satisfaction\":\"good\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TestCollector.json(response).get("id").asText()).isEqualTo("3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70");
    }
}
