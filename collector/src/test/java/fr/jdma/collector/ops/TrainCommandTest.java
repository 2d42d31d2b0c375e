package fr.jdma.collector.ops;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The training run behind the class archive (deploy/class-archive.sh): every request it sends must still be answered as expected. */
class TrainCommandTest {

    @Test
    void the_training_run_gets_the_expected_answer_to_each_request_and_leaves_no_database_behind() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = TrainCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("unexpected").containsPattern("train: \\d+ requests in \\d+ ms");
        assertThat(status).isZero();
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("jdma-train-"))).isEmpty();
        }
    }

    @Test
    void the_training_run_takes_no_arguments() {
        assertThatThrownBy(() -> TrainCommand.run(List.of("--db", "x"), System.out)).isInstanceOf(IllegalArgumentException.class);
    }
}
