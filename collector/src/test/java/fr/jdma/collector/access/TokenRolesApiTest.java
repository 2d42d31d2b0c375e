package fr.jdma.collector.access;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class TokenRolesApiTest {

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
    void a_token_is_an_analyst_unless_asked_otherwise_and_the_role_is_listed() {
        var analyst = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"stats\",\"services\":[\"caf\"]}");
        var owner = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"webmestre\",\"role\":\"owner\",\"services\":[\"caf\"]}");

        assertThat(json(analyst).get("role").asText()).isEqualTo("analyst");
        assertThat(json(owner).get("role").asText()).isEqualTo("owner");
        var list = json(collector.admin("GET", "/api/v1/admin/tokens", null));
        assertThat(list.findValuesAsText("role")).containsExactly("analyst", "owner");
    }

    @Test
    void an_unknown_role_or_admin_is_refused_naming_role() {
        for (String role : new String[] {"\"admin\"", "\"boss\"", "3"}) {
            var response = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"x\",\"role\":" + role + ",\"services\":[\"caf\"]}");
            assertThat(response.statusCode()).as(role).isEqualTo(400);
            assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("role");
        }
    }

    @Test
    void an_owner_token_still_reads_exports_of_its_services_only() {
        String owner = json(collector.admin("POST", "/api/v1/admin/tokens",
                "{\"name\":\"webmestre\",\"role\":\"owner\",\"services\":[\"caf\"]}")).get("token").asText();

        assertThat(collector.get("/api/v1/exports/ratings.csv?service=caf", owner).statusCode()).isEqualTo(200);
        assertThat(collector.get("/api/v1/admin/services", owner).statusCode()).isEqualTo(401);
    }
}
