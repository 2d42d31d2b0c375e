package fr.jdma.collector.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One administrator command of the packaged jar ({@code java -jar jdma-collector.jar backup …}), run to its end. */
public record JarCommand(int exitCode, String output) {

    public static JarCommand run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", CollectorProcess.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("JDMA_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command did not end: " + command);
        }
        return new JarCommand(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
