package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Tokens;
import fr.jdma.collector.storage.Schema.StaffSessions;
import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-10T09:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    String token(String role, String services) {
        var created = collector.admin("POST", "/api/v1/admin/tokens",
                "{\"name\":\"Équipe " + role + "\",\"role\":\"" + role + "\",\"services\":" + services + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    @Test
    void GET_admin_when_signed_out_answers_the_French_sign_in_form_with_a_token_field_and_an_anti_forgery_token() {
        var page = new StaffBrowser(collector).get("/admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Connexion au back-office", "name=\"token\"",
                "method=\"post\" action=\"/admin/connexion\"", "name=\"csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void the_session_cookie_is_HttpOnly_SameSite_Strict_under_admin_and_not_Secure_over_plain_HTTP() {
        var page = new StaffBrowser(collector).get("/admin/connexion");

        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("jdma_session=").contains("; Path=/admin", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Secure").doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void the_cookie_is_Secure_behind_a_trusted_proxy_that_says_HTTPS_and_only_then() {
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(collector.url("/admin/connexion")))
                .header("X-Forwarded-Proto", "https");
        assertThat(collector.send(forwarded).headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");

        try (var behindProxy = new TestCollector(TestDatabases.h2(dir.resolve("proxy")), c -> c.withTrustProxy(true), clock)) {
            var response = behindProxy.send(HttpRequest.newBuilder(URI.create(behindProxy.url("/admin/connexion")))
                    .header("X-Forwarded-Proto", "https"));
            assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
        }
    }

    @Test
    void signing_in_with_the_admin_token_replaces_the_cookie_with_a_session_stored_only_as_a_hash() {
        var browser = new StaffBrowser(collector);
        browser.get("/admin/connexion");
        String before = browser.cookie();

        browser.signIn(TestCollector.ADMIN_TOKEN);

        assertThat(browser.cookie()).isNotNull().isNotEqualTo(before);
        var rows = collector.database().dsl().selectFrom(StaffSessions.TABLE).fetch();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(StaffSessions.ID_HASH)).isEqualTo(Tokens.hash(browser.cookie()));
        assertThat(rows.get(0).intoMap().values().toString()).doesNotContain(browser.cookie()).doesNotContain(TestCollector.ADMIN_TOKEN);
        assertThat(browser.get("/admin").headers().firstValue("Location")).hasValue("/admin/services");
    }

    @Test
    void owner_and_analyst_tokens_sign_in_too_and_a_revoked_token_ends_its_sessions_at_once() {
        var owner = new StaffBrowser(collector).signIn(token("owner", "[\"caf\"]"));
        var analyst = new StaffBrowser(collector).signIn(token("analyst", "[\"caf\"]"));
        String analystId = null;
        for (var token : json(collector.admin("GET", "/api/v1/admin/tokens", null))) {
            if (token.get("role").asText().equals("analyst")) analystId = token.get("id").asText();
        }

        collector.admin("DELETE", "/api/v1/admin/tokens/" + analystId, null);

        assertThat(owner.get("/admin").statusCode()).isEqualTo(303);
        assertThat(analyst.get("/admin").statusCode()).isEqualTo(200);
        assertThat(analyst.get("/admin").body()).contains("Connexion au back-office");
    }

    @Test
    void a_sign_in_without_the_anti_forgery_token_is_refused_with_403_and_opens_no_session() {
        var browser = new StaffBrowser(collector);
        browser.get("/admin/connexion");

        var response = browser.postRaw("/admin/connexion", Map.of("token", TestCollector.ADMIN_TOKEN));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Action refusée");
        assertThat(collector.database().dsl().fetchCount(StaffSessions.TABLE)).isZero();
    }

    @Test
    void an_anti_forgery_token_made_for_another_browser_is_refused() {
        var attacker = new StaffBrowser(collector);
        attacker.get("/admin/connexion");
        var victim = new StaffBrowser(collector);
        victim.get("/admin/connexion");

        var response = victim.postRaw("/admin/connexion", Map.of("token", TestCollector.ADMIN_TOKEN, "csrf", attacker.csrf()));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_token_answers_the_form_again_with_a_French_error_and_never_echoes_the_token() {
        var response = new StaffBrowser(collector).trySignIn("jdma_wrong-token-typed-by-hand");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Ce jeton n&#39;est pas reconnu").doesNotContain("jdma_wrong-token-typed-by-hand");
        assertThat(collector.database().dsl().fetchCount(StaffSessions.TABLE)).isZero();
    }

    @Test
    void sign_in_attempts_are_limited_per_client_even_with_the_right_token_then_allowed_again_a_minute_later() {
        var browser = new StaffBrowser(collector);
        for (int i = 0; i < SignIn.ATTEMPTS_PER_MINUTE; i++) {
            assertThat(browser.trySignIn("jdma_guess-" + i).statusCode()).isEqualTo(400);
        }

        var limited = browser.trySignIn(TestCollector.ADMIN_TOKEN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Trop de tentatives");
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        browser.signIn(TestCollector.ADMIN_TOKEN);
    }

    @Test
    void a_session_ends_after_30_minutes_without_a_request() {
        var browser = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
        clock.set(clock.instant().plus(Duration.ofMinutes(29)));
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);

        clock.set(clock.instant().plus(Duration.ofMinutes(30)));

        assertThat(browser.get("/admin").body()).contains("Connexion au back-office");
        assertThat(collector.database().dsl().fetchCount(StaffSessions.TABLE)).isZero();
    }

    @Test
    void a_session_ends_after_12_hours_however_busy() {
        var browser = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
        for (int i = 0; i < 35; i++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(20)));
            assertThat(browser.get("/admin").statusCode()).as("after %d min", (i + 1) * 20).isEqualTo(303);
        }

        clock.set(clock.instant().plus(Duration.ofMinutes(20)));

        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session_for_good_and_clears_the_cookie() {
        var browser = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);
        String session = browser.cookie();
        browser.get("/admin/services");

        var out = browser.post("/admin/deconnexion", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/admin/connexion?deconnexion=1");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("jdma_session=;").contains("Max-Age=0");
        var replay = new StaffBrowser(collector);
        replay.cookie(session);
        assertThat(replay.get("/admin").body()).contains("Connexion au back-office");
    }

    @Test
    void signing_out_without_the_anti_forgery_token_is_refused_and_keeps_the_session() {
        var browser = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);

        assertThat(browser.postRaw("/admin/deconnexion", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void citizens_pages_and_the_rating_API_never_set_a_cookie() {
        for (String path : new String[] {"/avis/caf", "/resultats/caf", "/widget/v1/jdma.js", "/generateur?service=caf", "/health"}) {
            HttpResponse<String> response = collector.get(path, null);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(collector.postRating(TestCollector.rating("caf")).headers().allValues("Set-Cookie")).isEmpty();
    }
}
