package fr.jdma.collector;

import fr.jdma.collector.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The entry point: reads the environment, opens the database, starts the collector. */
public final class Collector {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private Collector() {
    }

    public static void main(String[] args) {
        if (args.length > 0) System.exit(Commands.run(args, System.getenv(), System.out, System.err));
        Config config;
        Database database = null;
        CollectorApp app;
        try {
            config = Config.fromEnv(System.getenv());
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
}
