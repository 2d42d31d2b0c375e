package fr.jdma.collector.access;

import java.util.Set;

/**
 * Someone reading ratings and indicators: a token's scope and role, or the administrator
 * (every service, every right).
 */
public record Analyst(String name, Set<String> services, Role role) {

    public static final String EVERY_SERVICE = "*";

    /** An analyst token (the role by default). */
    public Analyst(String name, Set<String> services) {
        this(name, services, Role.ANALYST);
    }

    public static Analyst administrator() {
        return new Analyst("administrator", Set.of(EVERY_SERVICE), Role.ADMIN);
    }

    public boolean mayRead(String service) {
        return services.contains(EVERY_SERVICE) || services.contains(service);
    }

    /** Settings of the service (origins, hidden questions, public flag, location names) and its moderation. */
    public boolean mayEdit(String service) {
        return role == Role.ADMIN || (role == Role.OWNER && mayRead(service));
    }

    /** Creating services, tokens, and seeing the moderation audit trail. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
