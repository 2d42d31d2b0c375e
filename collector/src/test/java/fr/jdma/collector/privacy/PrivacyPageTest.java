package fr.jdma.collector.privacy;

import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyPageTest {

    @TempDir
    Path dir;

    @Test
    void the_privacy_page_is_french_html_saying_what_is_kept_what_is_not_the_staff_cookie_and_how_to_ask_for_erasure() {
        try (var collector = new TestCollector(TestDatabases.h2(dir), c -> c.withRetentionDays(365), new TestClock("2026-03-01T10:00:00Z"))) {
            var response = collector.get("/confidentialite", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            String html = response.body();
            assertThat(html).contains("<html lang=\"fr\"", "<h1>Données personnelles et confidentialité</h1>",
                    "Ce que nous recueillons", "Ce que nous ne recueillons pas", "adresse IP", "aucun cookie",
                    "jdma_session", "365 jours", "Demander l’effacement", "[nom]");
        }
    }

    @Test
    void without_a_retention_setting_the_page_says_nothing_is_erased_automatically() {
        try (var collector = new TestCollector(TestDatabases.h2(dir))) {
            String html = collector.get("/confidentialite", null).body();

            assertThat(html).contains("ne fixe pas de durée d’effacement automatique").doesNotContain(" 0 jours");
        }
    }
}
