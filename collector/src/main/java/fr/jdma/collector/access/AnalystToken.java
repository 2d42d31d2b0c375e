package fr.jdma.collector.access;

import java.util.List;

/** A token as the admin API lists it: never the token, never its hash. Instants are ISO-8601 UTC. */
public record AnalystToken(String id, String name, Role role, List<String> services, String createdAt, String revokedAt) {

    /** The answer to its creation: the only time the token itself is shown. */
    public record Created(String id, String name, Role role, List<String> services, String token) {
    }

    /** What the administrator asks for; {@code services} is ["*"] or known service ids. */
    public record Request(String name, Role role, List<String> services) {
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
