package fr.jdma.collector.ops;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.results.PublicResults;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;
import fr.jdma.collector.web.StreamedJson;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * What the first readers after a start ask for, computed once in the background while the collector
 * starts: each service's indicators by location over all time (the stats API's default, written as
 * its JSON to nowhere) and each public service's results page. The totals land in the rollups' cache,
 * the code paths get compiled, and a reader who comes meanwhile waits for the same computation
 * instead of running a second one. Stops after its time budget; a failure only ends it early.
 */
public final class WarmUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WarmUp.class);

    private final ServiceCatalogue catalogue;
    private final Statistics statistics;
    private final PublicResults results;
    private final Duration budget;

    public WarmUp(ServiceCatalogue catalogue, Statistics statistics, PublicResults results, Duration budget) {
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.results = results;
        this.budget = budget;
    }

    /** Starts the warm-up on its own low-priority daemon thread. */
    public void startInBackground() {
        Thread thread = new Thread(this::run, "jdma-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Warms every service in turn until done or out of time; says how many and how long. */
    void run() {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int warmed = 0;
        try {
            for (Service service : catalogue.list()) {
                if (System.nanoTime() > deadline) break;
                warm(service);
                warmed++;
            }
            log.info("warm-up: indicators of {} service(s) computed in {} ms", warmed, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.info("warm-up stopped after {} service(s): {}", warmed, e.toString());
        }
    }

    private void warm(Service service) throws IOException {
        StatsQuery byLocation = new StatsQuery(service.id(), null, Period.ALWAYS, StatsQuery.Grouping.LOCATION, null);
        StreamedJson.<Indicators>write(OutputStream.nullOutputStream(), "groups", each -> statistics.indicators(byLocation, each));
        if (service.enabled() && service.isPublic()) results.of(service, null);
    }
}
