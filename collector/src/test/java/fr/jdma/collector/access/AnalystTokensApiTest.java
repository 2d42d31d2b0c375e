package fr.jdma.collector.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.storage.Schema.ApiTokens;
import fr.jdma.collector.support.CollectorPerTest;
import fr.jdma.collector.support.TestCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(CollectorPerTest.class)
class AnalystTokensApiTest {

    static final String EXPORT_CAF = "/api/v1/exports/ratings.csv?service=caf";

    TestCollector collector;

    @BeforeEach
    void start(TestCollector collector) {
        this.collector = collector.withService("caf").withService("impots");
    }

    String token(String servicesJson) {
        var created = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"Équipe stats\",\"services\":" + servicesJson + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    @Test
    void POST_tokens_answers_201_with_id_name_services_and_the_token_stored_only_as_its_SHA_256() {
        var created = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"Équipe stats\",\"services\":[\"caf\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("name").asText()).isEqualTo("Équipe stats");
        assertThat(body.get("services").toString()).isEqualTo("[\"caf\"]");
        String token = body.get("token").asText();
        assertThat(token).hasSizeGreaterThan(40);
        var stored = collector.database().dsl().selectFrom(ApiTokens.TABLE).where(ApiTokens.ID.eq(body.get("id").asText())).fetchOne();
        assertThat(stored.get(ApiTokens.TOKEN_HASH)).isEqualTo(Tokens.hash(token));
        assertThat(stored.intoMap().values()).doesNotContain(token);
    }

    @Test
    void GET_tokens_lists_them_without_the_token_or_its_hash() {
        String token = token("[\"caf\"]");

        var list = collector.admin("GET", "/api/v1/admin/tokens", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).hasSize(1);
        assertThat(json(list).get(0).get("name").asText()).isEqualTo("Équipe stats");
        assertThat(json(list).get(0).get("revokedAt").isNull()).isTrue();
        assertThat(list.body()).doesNotContain(token).doesNotContain(Tokens.hash(token)).doesNotContain("hash");
    }

    @Test
    void token_administration_needs_the_admin_token() {
        String analyst = token("[\"*\"]");

        assertThat(collector.get("/api/v1/admin/tokens", null).statusCode()).isEqualTo(401);
        assertThat(collector.get("/api/v1/admin/tokens", analyst).statusCode()).isEqualTo(401);
    }

    @Test
    void POST_tokens_with_an_unknown_service_answers_400_naming_services() {
        var response = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"x\",\"services\":[\"caf\",\"nope\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("services");
        assertThat(json(response).get("errors").get(0).get("detail").asText()).contains("nope");
    }

    @Test
    void POST_tokens_without_name_or_services_answers_400_naming_both() {
        var response = collector.admin("POST", "/api/v1/admin/tokens", "{\"services\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "services");
    }

    @Test
    void a_star_mixed_with_service_ids_is_refused_naming_services() {
        var response = collector.admin("POST", "/api/v1/admin/tokens", "{\"name\":\"x\",\"services\":[\"*\",\"caf\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("services");
    }

    @Test
    void an_analyst_endpoint_without_a_token_answers_401_problem_json_with_WWW_Authenticate_Bearer() {
        HttpResponse<String> response = collector.get(EXPORT_CAF, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void an_unknown_token_answers_401() {
        token("[\"*\"]");

        assertThat(collector.get(EXPORT_CAF, "jdma_not-a-real-token").statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_reads_the_services_of_its_scope_and_gets_403_for_the_others() {
        String cafOnly = token("[\"caf\"]");

        assertThat(collector.get(EXPORT_CAF, cafOnly).statusCode()).isEqualTo(200);
        var other = collector.get("/api/v1/exports/ratings.csv?service=impots", cafOnly);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_star_token_and_the_admin_token_read_every_service() {
        String all = token("[\"*\"]");

        assertThat(collector.get("/api/v1/exports/ratings.csv?service=impots", all).statusCode()).isEqualTo(200);
        assertThat(collector.get("/api/v1/exports/ratings.csv?service=impots", TestCollector.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void a_revoked_token_is_refused_at_once_even_after_being_cached() {
        String token = token("[\"caf\"]");
        assertThat(collector.get(EXPORT_CAF, token).statusCode()).isEqualTo(200);
        String id = json(collector.admin("GET", "/api/v1/admin/tokens", null)).get(0).get("id").asText();

        var revoked = collector.admin("DELETE", "/api/v1/admin/tokens/" + id, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(collector.get(EXPORT_CAF, token).statusCode()).isEqualTo(401);
        assertThat(json(collector.admin("GET", "/api/v1/admin/tokens", null)).get(0).get("revokedAt").asText()).endsWith("Z");
    }

    @Test
    void DELETE_of_an_unknown_token_answers_404() {
        assertThat(collector.admin("DELETE", "/api/v1/admin/tokens/nope", null).statusCode()).isEqualTo(404);
    }
}
