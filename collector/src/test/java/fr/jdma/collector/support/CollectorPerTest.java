package fr.jdma.collector.support;

import fr.jdma.collector.Config;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real collector per test, on an H2 file in a temporary folder, closed and deleted after the test:
 * the lifecycle every HTTP test class used to repeat (@TempDir, @BeforeEach new TestCollector,
 * @AfterEach close). Ask for a {@link TestCollector} parameter, usually in a @BeforeEach:
 *
 * <pre>{@code
 * @ExtendWith(CollectorPerTest.class)
 * class SomethingTest {
 *     TestCollector collector;
 *
 *     @BeforeEach
 *     void start(TestCollector collector) {
 *         this.collector = collector.withService("caf");
 *     }
 * }
 * }</pre>
 * With a clock or configuration of its own: {@code @RegisterExtension final CollectorPerTest collectors =
 * new CollectorPerTest(c -> c.withRateLimit(2), clock);}
 */
public final class CollectorPerTest implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CollectorPerTest.class);

    private final UnaryOperator<Config> configure;
    private final Clock clock;

    public CollectorPerTest() {
        this(c -> c, Clock.systemUTC());
    }

    public CollectorPerTest(UnaryOperator<Config> configure, Clock clock) {
        this.configure = configure;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCollector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).collector();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(key(context), Running.class);
        if (running != null) running.close();
    }

    private Running running(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> start(), Running.class);
    }

    /** One collector per test (a @BeforeEach and its test share their context). */
    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }

    private Running start() {
        try {
            Path dir = Files.createTempDirectory("jdma-test-");
            return new Running(dir, new TestCollector(TestDatabases.h2(dir), configure, clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Running(Path dir, TestCollector collector) {
        void close() {
            try {
                collector.close();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
