package fr.jdma.collector.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL is backed up and restored with its own tools: the collector says which, never half-does it. */
class NotEmbeddedTest {

    @TempDir
    Path dir;

    @Test
    void postgres_backup_and_restore_name_the_tool_to_use() {
        assertThatThrownBy(() -> Dialect.POSTGRES.backup(null, dir.resolve("x")))
                .isInstanceOf(NotEmbedded.class).hasMessageContaining("pg_dump");
        assertThatThrownBy(() -> Dialect.POSTGRES.restore(dir.resolve("x"), "jdbc:postgresql://127.0.0.1/test"))
                .isInstanceOf(NotEmbedded.class).hasMessageContaining("pg_restore");
    }
}
