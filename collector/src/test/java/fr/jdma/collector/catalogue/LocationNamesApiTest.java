package fr.jdma.collector.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A service names its own location codes: "locationNames" in the catalogue API, stored on every database. */
class LocationNamesApiTest {

    static final String CAF = "{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CAF\","
            + "\"locationNames\":{\"caf-94\":\"CAF du Val-de-Marne\",\"caf-13\":\"  CAF des Bouches-du-Rhône \"}}";

    @TempDir
    Path dir;
    TestCollector collector;

    @AfterEach
    void stop() {
        if (collector != null) collector.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void names_given_on_creation_are_read_back_trimmed_and_sorted_by_code(String kind) {
        collector = new TestCollector(TestDatabases.of(kind, dir));
        var created = collector.admin("POST", "/api/v1/admin/services", CAF);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode read = json(collector.admin("GET", "/api/v1/admin/services/caf", null));
        assertThat(read.get("locationNames").toString())
                .isEqualTo("{\"caf-13\":\"CAF des Bouches-du-Rhône\",\"caf-94\":\"CAF du Val-de-Marne\"}");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services", null)).get(0).get("locationNames"))
                .isEqualTo(read.get("locationNames"));
    }

    @Test
    void a_PUT_with_locationNames_replaces_them_and_a_PUT_without_keeps_them() {
        collector = new TestCollector(TestDatabases.h2(dir));
        collector.admin("POST", "/api/v1/admin/services", CAF);

        var renamed = collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":{\"caf-75\":\"CAF de Paris\"}}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-75\":\"CAF de Paris\"}");

        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"name\":\"Aide personnalisée au logement\"}");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("locationNames").toString())
                .isEqualTo("{\"caf-75\":\"CAF de Paris\"}");

        collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":{}}");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).has("locationNames")).isFalse();
    }

    @Test
    void bad_keys_and_values_answer_400_naming_the_field_and_change_nothing() {
        collector = new TestCollector(TestDatabases.h2(dir));
        collector.admin("POST", "/api/v1/admin/services", CAF);

        var response = collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":{"
                + "\"caf 94\":\"espace\",\"caf-1\":\"\",\"caf-2\":12,\"caf-3\":\"" + "x".repeat(201) + "\",\"caf-4\":\"a\\nb\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "locationNames", "locationNames.caf-1", "locationNames.caf-2", "locationNames.caf-3", "locationNames.caf-4");
        assertThat(json(collector.admin("GET", "/api/v1/admin/services/caf", null)).get("locationNames").size()).isEqualTo(2);

        var notAnObject = collector.admin("PUT", "/api/v1/admin/services/caf", "{\"locationNames\":[\"caf-94\"]}");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(json(notAnObject).get("errors").get(0).get("field").asText()).isEqualTo("locationNames");
    }
}
