package fr.jdma.collector.backoffice;

import fr.jdma.collector.ingest.RateLimiter;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.Components;
import fr.jdma.collector.web.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.Map;

/**
 * GET /admin and /admin/connexion: the sign-in form (the admin token, or an owner's or analyst's
 * token), POST /admin/connexion, POST /admin/deconnexion. The token travels in a POST body only,
 * never in a URL, and is never written to a log.
 */
final class SignIn {

    /** Sign-in attempts per client address and minute: a token cannot be guessed, but nobody should try fast. */
    static final int ATTEMPTS_PER_MINUTE = 5;
    static final String HOME = "/admin/services";

    private final StaffGate gate;
    private final RateLimiter attempts;
    private final Forwarded forwarded;

    SignIn(StaffGate gate, Forwarded forwarded, Clock clock) {
        this.gate = gate;
        this.forwarded = forwarded;
        this.attempts = new RateLimiter(ATTEMPTS_PER_MINUTE, clock);
    }

    void routes(JavalinConfig config) {
        config.routes.get("/admin", this::show);
        config.routes.get(StaffGate.SIGN_IN, this::show);
        config.routes.post(StaffGate.SIGN_IN, this::signIn);
        config.routes.post("/admin/deconnexion", this::signOut);
    }

    private void show(Context ctx) {
        if (gate.current(ctx).isPresent()) {
            BackOffice.redirect(ctx, HOME);
            return;
        }
        String notice = ctx.queryParam("deconnexion") != null
                ? "<p class=\"notice\" role=\"status\">Vous êtes déconnecté.</p>" : "";
        form(ctx, 200, notice, null);
    }

    private void signIn(Context ctx) {
        gate.checkForm(ctx);
        long wait = attempts.secondsToWait(forwarded.client(ctx), "admin-sign-in");
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            form(ctx, 429, "", "Trop de tentatives de connexion. Réessayez dans " + wait + " secondes.");
            return;
        }
        if (gate.signIn(ctx, ctx.formParam("token"))) {
            BackOffice.redirect(ctx, HOME);
        } else {
            form(ctx, 400, "", "Ce jeton n'est pas reconnu, ou il a été révoqué. Vérifiez-le et recommencez.");
        }
    }

    private void signOut(Context ctx) {
        gate.checkForm(ctx);
        gate.signOut(ctx);
        BackOffice.redirect(ctx, StaffGate.SIGN_IN + "?deconnexion=1");
    }

    /** The form; the typed token is never written back into the page. */
    private void form(Context ctx, int status, String notice, String error) {
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder("<h1>Connexion au back-office</h1>").append(notice);
        if (error != null) main.append(Components.errorSummary("La connexion a échoué", Map.of("token", error)));
        main.append("<p>Le back-office sert aux équipes des services : administrateur du collecteur, responsables de service et analystes.</p>")
                .append("<form method=\"post\" action=\"").append(StaffGate.SIGN_IN).append("\" class=\"stack\">")
                .append(Layout.csrfField(csrf))
                .append("<div class=\"group").append(error == null ? "" : " has-error").append("\">")
                .append("<label class=\"question\" for=\"token\">Jeton d'accès</label>")
                .append("<p class=\"hint\" id=\"token-hint\">Le jeton d'administration (JDMA_ADMIN_TOKEN), ou le jeton que l'administrateur vous a remis.</p>");
        if (error != null) main.append("<p class=\"error\" id=\"token-error\">").append(fr.jdma.collector.web.Html.escape(error)).append("</p>");
        main.append("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required spellcheck=\"false\" aria-describedby=\"token-hint")
                .append(error == null ? "" : " token-error").append("\"").append(error == null ? "" : " aria-invalid=\"true\"").append("></div>")
                .append("<button type=\"submit\" class=\"send\">Se connecter</button></form>");
        Page.titled("Connexion").tagline(Layout.TAGLINE).main(main.toString()).send(ctx, status);
    }
}
