package fr.jdma.collector.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LibreOffice Calc as an analyst's spreadsheet: opens our files and saves what it read as a plain
 * CSV (comma, UTF-8), cell by cell as Calc shows them. `.ci/run` installs it (libreoffice-calc-nogui).
 */
public final class LibreOffice {

    /** How an analyst opens our excel=true CSV: separator ';', text delimiter '"', UTF-8, from line 1; nothing else chosen. */
    public static final String EXCEL_CSV_IMPORT = "CSV:59,34,76,1";
    /** Comma, double quote, UTF-8, every sheet to its own file (named {file}-{sheet}.csv). */
    private static final String CSV_EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private final Path profile;

    /** @param work a directory of the test's own: the LibreOffice profile goes there, so parallel runs never share one */
    public LibreOffice(Path work) {
        this.profile = work.resolve("libreoffice-profile");
    }

    /** Skips (loudly) where LibreOffice is not installed: `.ci/run` installs it. */
    public static void assumeInstalled() {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "soffice")));
        Assumptions.assumeTrue(found, "LibreOffice (soffice) is not installed: run .ci/run, or apt-get install libreoffice-calc-nogui");
    }

    /**
     * Opens each file in Calc and saves every sheet of it as CSV into {@code out}, in one run of soffice.
     * {@code importFilter} null lets Calc recognise the files (XLSX).
     */
    public void convert(Path out, String importFilter, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless"));
        if (importFilter != null) command.add("--infilter=" + importFilter);
        command.addAll(List.of("--convert-to", CSV_EXPORT, "--outdir", out.toString()));
        for (Path file : files) command.add(file.toString());
        Path log = out.resolve("soffice.log");
        Files.createDirectories(out);
        Process soffice = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = soffice.waitFor(3, TimeUnit.MINUTES);
        if (!ended) soffice.destroyForcibly();
        assertThat(ended).as("soffice still running after 3 minutes; its output:%n%s", Files.readString(log)).isTrue();
        assertThat(soffice.exitValue()).as("soffice failed; its output:%n%s", Files.readString(log)).isZero();
    }

    /** The rows of a CSV that {@link #convert} wrote, header included. */
    public static List<CSVRecord> rows(Path csv) throws IOException {
        assertThat(csv).as("LibreOffice wrote %s", csv.getFileName()).exists();
        return CSVFormat.RFC4180.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8))).getRecords();
    }
}
