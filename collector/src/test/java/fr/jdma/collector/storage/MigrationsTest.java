package fr.jdma.collector.storage;

import fr.jdma.collector.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start on an up-to-date schema skips Flyway (Migrations); every other schema still goes through Flyway's migrate and validation. */
class MigrationsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_history_written_by_flyway_is_recognised_as_the_jars_scripts(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        Database.open(url, "", "").close();

        try (Connection connection = connect(url)) {
            assertThat(Migrations.recorded(connection, Migrations.shipped())).isTrue();
        }
        assertThat(Migrations.shipped()).hasSize(migrationsInTheSourceFolders());
    }

    @Test
    void an_edited_script_still_stops_the_start_with_flyways_validation_error() throws Exception {
        String url = TestDatabases.h2(dir);
        Database.open(url, "", "").close();
        try (Connection connection = connect(url)) {
            connection.createStatement().executeUpdate("update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"version\" = '11'");
            assertThat(Migrations.recorded(connection, Migrations.shipped())).isFalse();
        }

        assertThatThrownBy(() -> Database.open(url, "", "")).hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_schema_behind_the_jar_gets_the_missing_scripts_from_flyway() throws Exception {
        String url = TestDatabases.h2(dir);
        Flyway.configure().dataSource(Dialect.H2.prepareUrl(url), null, null).locations("classpath:" + Migrations.LOCATION)
                .target("10").load().migrate();
        try (Connection connection = connect(url)) {
            assertThat(Migrations.recorded(connection, Migrations.shipped())).isFalse();
        }

        Database.open(url, "", "").close();

        try (Connection connection = connect(url)) {
            assertThat(Migrations.recorded(connection, Migrations.shipped())).isTrue();
            connection.createStatement().executeQuery("select count(*) from rollup_versions").close();
        }
    }

    @Test
    void a_failed_entry_goes_through_flyway() throws Exception {
        String url = TestDatabases.h2(dir);
        Database.open(url, "", "").close();
        try (Connection connection = connect(url)) {
            connection.createStatement().executeUpdate("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '11'");

            assertThat(Migrations.recorded(connection, Migrations.shipped())).isFalse();
        }
    }

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(Dialect.of(url).prepareUrl(url));
    }

    private static int migrationsInTheSourceFolders() throws Exception {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources", Migrations.LOCATION));
             Stream<Path> classes = Files.list(Path.of("src/main/java", Migrations.LOCATION))) {
            return (int) Stream.concat(scripts, classes).filter(path -> path.getFileName().toString().matches("V.+__.+\\.(sql|java)")).count();
        }
    }
}
