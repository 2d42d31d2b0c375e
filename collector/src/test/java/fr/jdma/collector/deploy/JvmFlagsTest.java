package fr.jdma.collector.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/jvm-flags is the one list of the production JVM flags (run.sh and bench/run.sh read it); the systemd unit
 * and the README's production command write them out, so they must say the same, in the same order.
 */
class JvmFlagsTest {

    private static final Path ROOT = Path.of("..");

    private static List<String> flags() throws IOException {
        return Files.readAllLines(ROOT.resolve("deploy/jvm-flags")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static List<String> jvmFlagsOf(String command) {
        return List.of(command.strip().split("\\s+")).stream().filter(arg -> arg.startsWith("-X")).toList();
    }

    @Test
    void the_systemd_unit_starts_and_trains_the_collector_with_the_flags_of_jvm_flags() throws IOException {
        String unit = Files.readString(ROOT.resolve("deploy/jdma-collector.service"));
        for (String key : List.of("ExecStart", "ExecStartPre")) {
            Matcher line = Pattern.compile("(?m)^" + key + "=-?(.+)$").matcher(unit);
            assertThat(line.find()).as(key).isTrue();
            assertThat(jvmFlagsOf(line.group(1))).as(key)
                    .filteredOn(flag -> !flag.startsWith("-XX:SharedArchiveFile="))
                    .isEqualTo(flags());
        }
    }

    @Test
    void the_readme_production_command_has_the_flags_of_jvm_flags() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher command = Pattern.compile("(?s)```sh\\n(MALLOC_ARENA_MAX=2 java .+?)```").matcher(readme);
        assertThat(command.find()).as("the production command in the README").isTrue();
        assertThat(jvmFlagsOf(command.group(1).replace("\\\n", " ")))
                .filteredOn(flag -> !flag.startsWith("-XX:SharedArchiveFile="))
                .isEqualTo(flags());
    }
}
