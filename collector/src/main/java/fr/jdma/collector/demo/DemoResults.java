package fr.jdma.collector.demo;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Demo mode's results: a public service of its own, clearly named as synthetic, filled once with
 * a year of made-up answers across a few communes, so /resultats shows every level at once.
 * Some places pass the 100-answer threshold and some do not (Créteil, Ajaccio, Bastia alone;
 * their département or région may). Kept apart from {@link Demo#SERVICE_ID}, whose answers are
 * the ones a visitor gives through the example pages.
 */
public final class DemoResults {

    public static final String SERVICE_ID = "exemple-synthetique";
    /** Every seeded rating carries this source, so exports tell them apart from real answers. */
    public static final String SOURCE = "synthetique";

    private static final Logger log = LoggerFactory.getLogger(DemoResults.class);

    /** A place, its answers over the year, and how its users feel (chance of good, of average). */
    private record Plan(String location, int answers, double good, double average) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("75056", 1900, .78, .15),   // Paris: enough every month, "Très bien"
            new Plan("75115", 500, .70, .20),    // Paris 15e counts for Paris
            new Plan("13055", 1400, .52, .30),   // Marseille: "Insuffisant", some months under 100
            new Plan("69123", 600, .30, .25),    // Lyon: "Critique" over the year, every month under 100
            new Plan("94080", 160, .62, .25),    // Vincennes
            new Plan("94028", 60, .50, .30),     // Créteil: under 100, Val-de-Marne has 220
            new Plan("2A004", 70, .80, .15),     // Ajaccio and Bastia under 100 each, Corse 115
            new Plan("2B033", 45, .60, .30),
            new Plan("97411", 140, .72, .18),    // Saint-Denis, La Réunion
            new Plan("caf-94", 150, .66, .20));  // an office code, named in the catalogue

    private DemoResults() {
    }

    /** Creates the service if missing. */
    public static void ensureService(ServiceCatalogue catalogue) {
        if (catalogue.find(SERVICE_ID).isEmpty()) {
            catalogue.create(new Service(SERVICE_ID, "Exemple de résultats (avis synthétiques)",
                    "Démonstration : avis fictifs générés au premier démarrage", List.of(), true, List.of(), true,
                    Map.of("caf-94", "CAF du Val-de-Marne (accueil)")));
        }
    }

    /**
     * Seeds the service once, in the background so the collector answers at once (a few seconds, a
     * minute on a loaded machine): one transaction, so a stop halfway leaves nothing and the next
     * start seeds again; never again once the service holds any answer.
     */
    public static Thread seedInBackground(Statistics statistics, RatingStore store, Clock clock) {
        Thread thread = new Thread(() -> {
            try {
                seed(statistics, store, clock);
            } catch (RuntimeException e) {
                log.info("demo: synthetic ratings not seeded ({}); the next start tries again", e.toString());
            }
        }, "jdma-demo-seed");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void seed(Statistics statistics, RatingStore store, Clock clock) {
        boolean seeded = !statistics.indicators(new StatsQuery(SERVICE_ID, null, Period.ALWAYS, StatsQuery.Grouping.LOCATION)).isEmpty();
        if (seeded) return;
        List<Rating> ratings = ratings(LocalDate.now(clock));
        store.insert(ratings);
        log.info("demo: {} synthetic ratings (source '{}') seeded in service '{}'", ratings.size(), SOURCE, SERVICE_ID);
    }

    /** How many ratings {@link #seedInBackground} stores: the demo's public results then count them all. */
    public static int seededRatings() {
        return PLANS.stream().mapToInt(Plan::answers).sum();
    }

    /** The year before {@code today}, the same for a given day: fixed seed, ids derived from the place and rank. */
    static List<Rating> ratings(LocalDate today) {
        Random random = new Random(20260101L);
        List<Rating> ratings = new ArrayList<>();
        Rating.Satisfaction[] kinds = Rating.Satisfaction.values();
        for (Plan plan : PLANS) {
            for (int i = 0; i < plan.answers(); i++) {
                LocalDate day = today.minusDays(1 + random.nextInt(364));
                Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600 + random.nextInt(12 * 3600));
                double draw = random.nextDouble();
                Rating.Satisfaction satisfaction = draw < plan.good() ? kinds[0] : draw < plan.good() + plan.average() ? kinds[1] : kinds[2];
                int mood = satisfaction.ordinal();  // 0 good, 1 average, 2 bad: the other answers follow it
                Integer clarity = random.nextInt(5) == 0 ? null : Math.max(1, Math.min(5, 5 - mood - random.nextInt(2)));
                List<Rating.Help> help = switch (random.nextInt(4)) {
                    case 0 -> List.of(Rating.Help.NONE);
                    case 1 -> List.of(Rating.Help.PHONE);
                    case 2 -> List.of(Rating.Help.COUNTER, Rating.Help.WEBSITES);
                    default -> List.of();
                };
                boolean tried = help.contains(Rating.Help.PHONE) || help.contains(Rating.Help.COUNTER);
                Boolean reached = tried ? random.nextInt(3) > mood - 1 : null;
                Integer quality = tried && Boolean.TRUE.equals(reached) ? Math.max(1, 5 - mood - random.nextInt(2)) : null;
                String id = UUID.nameUUIDFromBytes((SERVICE_ID + "/" + plan.location() + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
                ratings.add(new Rating(id, at, SERVICE_ID, plan.location(), SOURCE, satisfaction, clarity, help, reached, quality,
                        null, Set.of(), null, "fr"));
            }
        }
        return ratings;
    }
}
