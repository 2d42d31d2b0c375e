package fr.jdma.collector.access;

import fr.jdma.collector.web.HttpProblem;
import io.javalin.http.Context;

import java.util.Optional;

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

    /** 403 unless the reader's scope holds the service. */
    public static void requireScope(Analyst analyst, String service) {
        if (!analyst.mayRead(service)) {
            throw HttpProblem.forbidden("this token does not give access to service '" + service + "'");
        }
    }
}
