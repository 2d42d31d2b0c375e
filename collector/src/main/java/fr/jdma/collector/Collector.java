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
        Config config = Config.fromEnv(System.getenv());
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        CollectorApp app = new CollectorApp(config, database, Clock.systemUTC()).start();
        // SIGTERM: stop accepting, flush the writer, close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "jdma-shutdown"));
        log.info("Je donne mon avis collector listening on port {} ({}){}", app.port(), database.dialect(),
                config.demo() ? ", demo at http://localhost:" + app.port() + "/" : "");
    }
}
