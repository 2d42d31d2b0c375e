package fr.jdma.collector.ops;

import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's rotation: a new JDMA_ADMIN_TOKEN and a restart; the old token stops working, nothing else changes. */
class AdminTokenRotationTest {

    @TempDir
    Path dir;

    @Test
    void after_a_restart_with_a_new_admin_token_the_old_one_is_refused_and_the_data_kept() {
        String url = TestDatabases.h2(dir);
        try (var before = new TestCollector(url).withService("caf")) {
            assertThat(before.postRating(TestCollector.rating("caf")).statusCode()).isEqualTo(201);
        }
        try (var after = new TestCollector(url, c -> c.withAdminToken("rotated-admin-token"), Clock.systemUTC())) {
            assertThat(after.get("/api/v1/admin/services", TestCollector.ADMIN_TOKEN).statusCode()).isEqualTo(401);
            var services = after.get("/api/v1/admin/services", "rotated-admin-token");
            assertThat(services.statusCode()).isEqualTo(200);
            assertThat(services.body()).contains("\"id\":\"caf\"");
            assertThat(after.get("/api/v1/stats?service=caf", "rotated-admin-token").body()).contains("\"answers\":1");
        }
    }
}
