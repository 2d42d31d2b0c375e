package fr.jdma.collector.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The schema brought up to date at start by Flyway, from the scripts (and the one Java migration) in {@code db/migration}.
 *
 * <p>On a schema already up to date, Flyway's migrate still cost 0.3-0.6 s of every start (its configuration is
 * copied through Jackson, its classes loaded, the scripts found and validated: bench/findings.md, "Start"). So the
 * schema history is read first: when it records exactly the migrations of this jar, each applied successfully, with
 * the versions, descriptions, types and checksums Flyway gives them (checksums computed as Flyway computes them;
 * MigrationsTest checks them against what Flyway wrote), Flyway would validate them and find nothing to apply, and
 * it is not run. Anything else (a new script, an edited one, a failed, missing or unknown entry, a Java migration
 * declaring its own checksum, no history yet, a history we cannot read) goes through Flyway's migrate and
 * validation as before.
 */
final class Migrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__(.+)\\.(sql|class)");
    /** The row Flyway writes when it creates its table: no migration. */
    private static final String TABLE_CREATED = "TABLE";

    /** A versioned migration as Flyway records it in its history: a script (SQL), or a Java migration (JDBC, no checksum). */
    record Script(String version, String description, String type, Integer checksum) {
    }

    private Migrations() {
    }

    /** Migrates the schema through {@code dataSource}, unless the history read through {@code connection} shows it is up to date. */
    static void apply(DataSource dataSource, Connection connection) {
        if (recorded(connection, shipped())) return;
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                .load()
                .migrate();
    }

    /** True when the schema history holds these migrations and nothing else, each applied successfully. */
    static boolean recorded(Connection connection, Set<Script> scripts) {
        if (scripts.isEmpty()) return false;
        Set<Script> applied = new HashSet<>();
        int rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("select \"version\", \"description\", \"type\", \"checksum\", \"success\" from "
                     + historyTable(connection))) {
            while (history.next()) {
                String version = history.getString(1);
                String type = history.getString(3);
                if (version == null && TABLE_CREATED.equals(type)) continue;
                int checksum = history.getInt(4);
                Integer recordedChecksum = history.wasNull() ? null : checksum;
                if (!history.getBoolean(5)) return false;
                applied.add(new Script(version, history.getString(2), type, recordedChecksum));
                rows++;
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        return rows == scripts.size() && applied.equals(scripts);
    }

    /** Flyway's table in the connection's current schema, where Flyway keeps it by default. */
    private static String historyTable(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return (schema == null || schema.isEmpty() ? "" : "\"" + schema.replace("\"", "\"\"") + "\".") + "\"flyway_schema_history\"";
    }

    /** The versioned migrations of {@link #LOCATION} on the class path (in the jar or, in tests, folders); empty when unreadable. */
    static Set<Script> shipped() {
        Set<Script> scripts = new HashSet<>();
        try {
            for (URL folder : java.util.Collections.list(Migrations.class.getClassLoader().getResources(LOCATION))) {
                if (folder.openConnection() instanceof JarURLConnection jar) {
                    JarFile file = jar.getJarFile();
                    for (JarEntry entry : file.stream().toList()) {
                        String name = entry.getName();
                        if (name.startsWith(LOCATION + "/") && name.indexOf('/', LOCATION.length() + 1) < 0) {
                            add(scripts, name.substring(LOCATION.length() + 1), () -> file.getInputStream(entry));
                        }
                    }
                } else if ("file".equals(folder.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        for (Path path : files.toList()) add(scripts, path.getFileName().toString(), () -> Files.newInputStream(path));
                    }
                } else {
                    return Set.of();
                }
            }
        } catch (IOException | URISyntaxException e) {
            return Set.of();
        }
        return scripts;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static void add(Set<Script> scripts, String fileName, Opener opener) throws IOException {
        Matcher name = VERSIONED.matcher(fileName);
        if (!name.matches() || fileName.contains("$")) return;  // not a migration, or a Java migration's nested class
        String version = name.group(1).replace('_', '.');
        String description = name.group(2).replace('_', ' ');
        if (name.group(3).equals("sql")) {
            try (InputStream in = opener.open()) {
                scripts.add(new Script(version, description, "SQL", checksum(in)));
            }
        } else {
            scripts.add(javaMigration(LOCATION.replace('/', '.') + "." + fileName.substring(0, fileName.length() - ".class".length()),
                    version, description));
        }
    }

    /**
     * A Java migration as Flyway records it when the class keeps {@link BaseJavaMigration}'s checksum (none), version
     * and description (from its name); one that declares its own is not matched, and Flyway checks it.
     */
    private static Script javaMigration(String className, String version, String description) throws IOException {
        try {
            Class<?> migration = Class.forName(className, false, Migrations.class.getClassLoader());
            for (String inherited : new String[] {"getChecksum", "getVersion", "getDescription"}) {
                if (migration.getMethod(inherited).getDeclaringClass() != BaseJavaMigration.class) {
                    throw new IOException(className + " declares its own " + inherited);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
        return new Script(version, description, "JDBC", null);
    }

    /** Flyway's checksum of a script: a CRC-32 of its lines in UTF-8, without line breaks or byte-order mark. */
    static int checksum(InputStream script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096)) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
            for (; line != null; line = lines.readLine()) crc.update(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
