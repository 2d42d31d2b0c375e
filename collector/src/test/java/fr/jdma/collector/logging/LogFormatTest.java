package fr.jdma.collector.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jdma.collector.Config;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void a_json_event_is_one_line_whatever_its_message_and_error_hold() throws Exception {
        String line = LineFormat.JSON.line(Instant.parse("2026-01-15T10:00:00Z"), Level.ERROR, "fr.jdma.X", "main",
                "quote \" backslash \\ newline \n tab \t bell \u0007 end", new IllegalStateException("boom\nsecond line"));

        assertThat(line).endsWith("}\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
        JsonNode event = new ObjectMapper().readTree(line);
        assertThat(event.get("time").asText()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(event.get("level").asText()).isEqualTo("ERROR");
        assertThat(event.get("message").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 end");
        assertThat(event.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom\nsecond line");
        assertThat(event.get("stack").asText()).contains("at fr.jdma.collector.logging.LogFormatTest");
    }

    @Test
    void libraries_log_warnings_only_and_our_code_follows_JDMA_LOG_LEVEL() {
        var out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        LogLevels levels = new LogLevels(Map.of("JDMA_LOG_LEVEL", "debug", "JDMA_LOG_FORMAT", "text"), () -> stream);

        assertThat(levels.levelOf("fr.jdma.collector.ingest.GroupCommitWriter")).isEqualTo(Level.DEBUG);
        assertThat(levels.levelOf("org.eclipse.jetty.server.Server")).isEqualTo(Level.WARN);
        assertThat(levels.levelOf("org.flywaydb.core.internal.database.base.Database")).isEqualTo(Level.ERROR);
        levels.factory().getLogger("fr.jdma.collector.Test").info("started {} ({})", 8080, "h2");
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO \\[.+] fr\\.jdma\\.collector\\.Test - started 8080 \\(h2\\)\n");
    }

    @Test
    void a_wrong_log_setting_is_named_and_stops_the_start() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("JDMA_LOG_FORMAT", "xml"))).hasMessage("JDMA_LOG_FORMAT must be text or json, got 'xml'");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("JDMA_LOG_LEVEL", "loud")))
                .hasMessage("JDMA_LOG_LEVEL must be one of error, warn, info, debug, trace; got 'loud'");
    }
}
