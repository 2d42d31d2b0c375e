package fr.jdma.collector.ops;

import fr.jdma.collector.support.PrometheusText;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsFormatTest {

    @TempDir
    Path dir;

    @Test
    void metrics_are_valid_Prometheus_text_with_jvm_and_pool_gauges_next_to_ours() {
        try (var collector = new TestCollector(TestDatabases.h2(dir)).withService("caf")) {
            collector.postRating(TestCollector.rating("caf"));
            collector.postRating("{\"service\":\"caf\"}");

            var response = collector.get("/metrics", null);
            PrometheusText metrics = PrometheusText.parse(response.body());

            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.value("jdma_rating_requests_total{status=\"201\"}")).isEqualTo(1);
            assertThat(metrics.value("jdma_ratings_written_total")).isEqualTo(1);
            assertThat(metrics.type("jdma_ratings_written_total")).isEqualTo("counter");
            assertThat(metrics.value("jvm_memory_heap_used_bytes")).isPositive();
            assertThat(metrics.value("jvm_memory_heap_max_bytes")).isGreaterThanOrEqualTo(metrics.value("jvm_memory_heap_used_bytes"));
            assertThat(metrics.value("jvm_threads_live")).isGreaterThanOrEqualTo(metrics.value("jvm_threads_daemon")).isPositive();
            assertThat(metrics.type("jvm_threads_live")).isEqualTo("gauge");
            double active = metrics.value("hikaricp_connections_active");
            double idle = metrics.value("hikaricp_connections_idle");
            assertThat(active + idle).isPositive().isLessThanOrEqualTo(metrics.value("hikaricp_connections_max"));
            assertThat(metrics.value("hikaricp_connections_pending")).isZero();
            assertThat(metrics.value("jdma_backups_total")).isZero();
            assertThat(metrics.samples().keySet()).allSatisfy(series -> assertThat(metrics.help(series.replaceAll("\\{.*", ""))).isNotBlank());
        }
    }

    @Test
    void the_reader_refuses_what_Prometheus_would_refuse() {
        assertThatThrownBy(() -> PrometheusText.parse("a 1")).hasMessageContaining("newline");
        assertThatThrownBy(() -> PrometheusText.parse("a one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse("a{b=\"1\",b=\"2\"} 1\n")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> PrometheusText.parse("a{b=1} 1\n")).hasMessageContaining("malformed labels");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\na 2\n")).hasMessageContaining("series repeated");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\n# TYPE a gauge\n")).hasMessageContaining("TYPE after samples");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\nb 1\na{x=\"y\"} 1\n")).hasMessageContaining("not together");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE a counter\na -1\n")).hasMessageContaining("negative counter");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE a number\na 1\n")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> PrometheusText.parse("1a 1\n")).hasMessageContaining("neither");
        assertThat(PrometheusText.parse("# HELP a x\n# TYPE a gauge\na{l=\"q\\\"\"} +Inf 1700000000\n").value("a{l=\"q\\\"\"}"))
                .isInfinite();
    }
}
