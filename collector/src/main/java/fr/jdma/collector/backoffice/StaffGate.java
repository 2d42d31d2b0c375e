package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.Csrf;
import fr.jdma.collector.access.StaffSessions;
import fr.jdma.collector.access.Tokens;
import fr.jdma.collector.web.Forwarded;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The back office's door: the {@value #COOKIE} cookie, who holds it, and the anti-forgery check
 * of every form that changes something. The cookie lives under /admin only, so citizens' pages
 * never see it; before sign-in it holds a random value that only ties the sign-in form's token to
 * this browser (nothing is stored for it); signing in replaces it with a new session id.
 */
public final class StaffGate {

    public static final String COOKIE = "jdma_session";
    public static final String CSRF_FIELD = "csrf";
    static final String SIGN_IN = "/admin/connexion";

    /** Thrown to send a signed-out person to the sign-in page. */
    static final class SignedOut extends RuntimeException {
        SignedOut() {
            super("not signed in", null, false, false);
        }
    }

    private final StaffSessions sessions;
    private final Csrf csrf;
    private final Forwarded forwarded;

    public StaffGate(StaffSessions sessions, Csrf csrf, Forwarded forwarded) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.forwarded = forwarded;
    }

    /** The signed-in person, or {@link SignedOut} (answered with a redirect to the sign-in page). */
    Analyst require(Context ctx) {
        return current(ctx).orElseThrow(SignedOut::new);
    }

    Optional<Analyst> current(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /**
     * For every POST of the back office, before anything else: 403 unless the form carries the
     * token of this browser's cookie. Another site's form cannot know it.
     */
    void checkForm(Context ctx) {
        if (!csrf.accepts(ctx.cookie(COOKIE), ctx.formParam(CSRF_FIELD))) {
            throw new Refusal(403, "Action refusée",
                    "Ce formulaire a expiré ou ne vient pas du back-office. Rechargez la page et recommencez.");
        }
    }

    /** The token this browser's forms carry; sets a fresh cookie first when the browser has none. */
    String formToken(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isBlank()) {
            cookie = Tokens.newToken("");
            setCookie(ctx, cookie);
        }
        return csrf.tokenFor(cookie);
    }

    /** Signs in with a typed token: true and a new session cookie, or false for an unknown token. */
    boolean signIn(Context ctx, String token) {
        Optional<String> session = sessions.signIn(token);
        session.ifPresent(id -> setCookie(ctx, id));
        return session.isPresent();
    }

    void signOut(Context ctx) {
        sessions.signOut(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    /** A browser-session cookie (no Max-Age): the server ends the session anyway after its idle or absolute limit. */
    private void setCookie(Context ctx, String value) {
        ctx.header("Set-Cookie", COOKIE + "=" + value + "; Path=/admin; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    /** HTTPS directly, or behind a proxy trusted (JDMA_TRUST_PROXY) to say so in X-Forwarded-Proto. */
    private boolean secure(Context ctx) {
        return "https".equals(forwarded.scheme(ctx));
    }
}
