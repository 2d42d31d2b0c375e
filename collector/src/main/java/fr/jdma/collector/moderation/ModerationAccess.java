package fr.jdma.collector.moderation;

import fr.jdma.collector.access.AdminAccess;
import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystAccess;
import fr.jdma.collector.web.HttpProblem;
import io.javalin.http.Context;

/**
 * Who may moderate a service's comments. The contract says: the administrator, or an owner of
 * the service. {@link #canModerate} is the one rule.
 */
public final class ModerationAccess {

    /** Whoever sent the request: the administrator, or the holder of an analyst token. */
    public record Moderator(String name, boolean administrator, Analyst analyst) {

        public static final Moderator ADMINISTRATOR = new Moderator("administrator", true, Analyst.administrator());
    }

    private final AdminAccess admin;
    private final AnalystAccess analysts;

    public ModerationAccess(AdminAccess admin, AnalystAccess analysts) {
        this.admin = admin;
        this.analysts = analysts;
    }

    /** 401 without a known token. */
    public Moderator authenticate(Context ctx) {
        // Checked apart from analysts: a token named "administrator" with every service is still an analyst.
        if (admin.accepts(ctx.header("Authorization"))) return Moderator.ADMINISTRATOR;
        Analyst analyst = analysts.authenticate(ctx);
        return new Moderator(analyst.name(), false, analyst);
    }

    /** The one rule: the administrator moderates every service, an owner token the services of its scope. */
    public boolean canModerate(Moderator who, String service) {
        return who.administrator() || who.analyst().mayEdit(service);
    }

    /** Reading the audit of every service at once is the administrator's. */
    public boolean canAuditEverything(Moderator who) {
        return who.administrator();
    }

    public void requireModerate(Moderator who, String service) {
        if (!canModerate(who, service)) {
            throw HttpProblem.forbidden("this token may not moderate the comments of service '" + service
                    + "': moderation is for the administrator or an owner of the service");
        }
    }
}
