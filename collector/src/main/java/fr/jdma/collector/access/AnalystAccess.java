package fr.jdma.collector.access;

import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.Set;

/**
 * Who may read a service's ratings and indicators: an analyst token whose scope holds the
 * service, or the administrator's token (the administrator can read everything).
 */
public final class AnalystAccess {

    private final AdminAccess admin;
    private final AnalystTokens tokens;

    public AnalystAccess(AdminAccess admin, AnalystTokens tokens) {
        this.admin = admin;
        this.tokens = tokens;
    }

    /** The reader behind the request's bearer token; 401 when there is none, or it is unknown or revoked. */
    public Analyst authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = Tokens.bearer(header);
        if (token == null) throw HttpProblem.unauthorized("an analyst token is required: Authorization: Bearer <token>");
        if (admin.accepts(header)) return Analyst.administrator();
        Optional<Analyst> analyst = tokens.find(token);
        return analyst.orElseThrow(() -> HttpProblem.unauthorized("this token is unknown or has been revoked"));
    }

    /**
     * The services a query reads: the one it names (403 outside the scope, 404 when unknown),
     * or, when it names none, every service of the scope (null: every service there is).
     */
    public static Set<String> readable(Analyst analyst, String service, ServiceCatalogue catalogue) {
        if (service != null) {
            requireScope(analyst, service);
            if (catalogue.find(service).isEmpty()) throw new ServiceCatalogue.UnknownServiceException(service);
            return Set.of(service);
        }
        return analyst.services().contains(Analyst.EVERY_SERVICE) ? null : analyst.services();
    }

    /** 403 unless the reader's scope holds the service. */
    public static void requireScope(Analyst analyst, String service) {
        if (!analyst.mayRead(service)) {
            throw HttpProblem.forbidden("this token does not give access to service '" + service + "'");
        }
    }
}
