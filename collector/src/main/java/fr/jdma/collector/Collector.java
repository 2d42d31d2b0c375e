package fr.jdma.collector;

import com.sun.management.HotSpotDiagnosticMXBean;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** The entry point: reads the environment, opens the database, starts the collector. */
public final class Collector {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private Collector() {
    }

    public static void main(String[] args) {
        if (args.length > 0) System.exit(Commands.run(args, System.getenv(), System.out, System.err));
        answerJettysMemoryQuestion();
        Config config;
        Database database = null;
        CollectorApp app;
        try {
            config = Config.fromEnv(System.getenv());
            // The Code officiel géographique is read while the database opens (50 ms of CPU, its arrays copied out whole:
            // bench/findings.md, eighth round).
            CompletableFuture.runAsync(Geography::official);
            database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbWait());
            app = new CollectorApp(config, database, Clock.systemUTC()).start();
        } catch (IllegalArgumentException | Database.Unavailable e) {
            // a wrong setting or a database that never came: one clear line, no stack trace
            log.error("not started: {}", e.getMessage());
            if (database != null) database.close();
            System.exit(1);
            return;
        }
        // SIGTERM: stop accepting, flush the writer, close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "jdma-shutdown"));
        log.info("Je donne mon avis collector listening on port {} ({}){}", app.port(), database.dialect(),
                config.demo() ? ", demo at http://localhost:" + app.port() + "/" : "");
    }

    /**
     * Jetty pads its queues to a cache line and, unless told, asks the platform MBean server whether object
     * references are compressed: starting JMX for that cost 0.1-0.15 s of every start (bench/findings.md, "Start").
     * The JVM's diagnostic bean answers the same question without it. A value given with -D is kept.
     */
    private static void answerJettysMemoryQuestion() {
        String property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) != null) return;
        boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        System.setProperty(property, Integer.toString(cacheLineBytes / (compressed ? 4 : 8)));
    }
}
