package fr.jdma.collector.access;

import java.util.Set;

/** Someone reading ratings and indicators: an analyst token's scope, or the administrator (every service). */
public record Analyst(String name, Set<String> services) {

    public static final String EVERY_SERVICE = "*";

    public static Analyst administrator() {
        return new Analyst("administrator", Set.of(EVERY_SERVICE));
    }

    public boolean mayRead(String service) {
        return services.contains(EVERY_SERVICE) || services.contains(service);
    }
}
