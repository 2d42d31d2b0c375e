package fr.jdma.collector.backoffice;

import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.StaffBrowser;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's own query (answers by location, day and combination) and the sessions on H2, SQLite and PostgreSQL. */
class DashboardOnEveryDatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void the_dashboard_counts_the_same_answers_on_every_database(String kind) {
        TestClock clock = new TestClock("2026-03-10T09:00:00Z");
        try (TestCollector collector = new TestCollector(TestDatabases.of(kind, dir), c -> c, clock).withService("caf")) {
            Posting posting = new Posting(collector, clock);
            posting.post("2026-01-05T10:00:00Z", Map.of("location", "75056", "clarity", 5, "help", List.of("none")));
            posting.post("2026-01-05T11:00:00Z", Map.of("location", "75056", "clarity", 5, "help", List.of("none")));
            posting.post("2026-02-05T10:00:00Z", Map.of("location", "13055", "satisfaction", "bad", "help", List.of("phone", "email"),
                    "helpReached", true, "helpQuality", 2));
            clock.set("2026-03-10T09:00:00Z");
            var admin = new StaffBrowser(collector).signIn(TestCollector.ADMIN_TOKEN);

            var page = admin.get("/admin/services/caf");

            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("3 avis du", "<th scope=\"row\">Très bien</th><td>2</td>", "<th scope=\"row\">2026-01</th><td>10,0</td>",
                    "<th scope=\"row\">Téléphone</th><td>1</td>", "<th scope=\"row\">E-mail ou chat avec l&#39;administration</th><td>1</td>");
        }
    }
}
