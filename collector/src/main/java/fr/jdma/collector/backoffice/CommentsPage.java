package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.moderation.Moderation;
import fr.jdma.collector.web.Components;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static fr.jdma.collector.web.Html.escape;

/**
 * A service's comments, /admin/services/{id}/avis: newest first, paginated, filtered by flag,
 * by "reviewed" and by keyword; the administrator and the service's owners mark them reviewed or
 * erase their text (through {@link Moderation}, which audits every action); the administrator
 * also reads the audit trail.
 */
final class CommentsPage {

    static final int PER_PAGE = 20;
    private static final Pattern KEYWORD = Pattern.compile("[^\\p{Cc}]{1,100}");
    private static final Pattern RATING_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** "Any flag": the flags that make a comment worth a look. */
    static final String FLAGGED = "signale";

    static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("email", "Adresse e-mail masquée");
        FLAGS.put("phone", "Numéro de téléphone masqué");
        FLAGS.put("iban", "IBAN masqué");
        FLAGS.put("number", "Numéro de dossier masqué");
        FLAGS.put("agent_named", "Nom d'agent masqué");
        FLAGS.put("insult", "Propos injurieux");
        FLAGS.put("capitals", "Écrit en capitales");
        FLAGS.put("markup", "Balises HTML");
        FLAGS.put("page_scrubbed", "Adresse de page nettoyée");
        FLAGS.put("duplicate", "Doublon");
        FLAGS.put("redacted", "Texte supprimé");
    }

    private static final Map<String, String> SATISFACTION = Map.of("good", "Très bien", "average", "Moyen", "bad", "Pas bien");

    private record Filters(String flag, Boolean reviewed, String keyword, int page) {

        String query(int page) {
            StringBuilder q = new StringBuilder("?page=" + page);
            if (flag != null) q.append("&flag=").append(flag);
            if (reviewed != null) q.append("&relu=").append(reviewed ? "oui" : "non");
            if (keyword != null) q.append("&q=").append(URLEncoder.encode(keyword, StandardCharsets.UTF_8));
            return q.toString();
        }
    }

    private final StaffGate gate;
    private final ServicePages services;
    private final Moderation moderation;

    CommentsPage(StaffGate gate, ServicePages services, Moderation moderation) {
        this.gate = gate;
        this.services = services;
        this.moderation = moderation;
    }

    void routes(JavalinConfig config) {
        config.routes.get("/admin/services/{id}/avis", this::show);
        config.routes.post("/admin/services/{id}/avis/{rating}", this::act);
    }

    private void show(Context ctx) {
        Analyst who = gate.require(ctx);
        Service service = services.readable(who, ctx.pathParam("id"));
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder(ServiceTabs.header(service, ServiceTabs.COMMENTS, "Avis des usagers"));
        notice(ctx, main);
        Filters filters;
        try {
            filters = filters(ctx);
        } catch (InvalidInputException e) {
            main.append(Components.errorSummary("Les filtres ne sont pas valides",
                    Map.of("q", "Le mot cherché tient en 100 caractères au plus ; les autres filtres se choisissent dans les listes.")));
            filters = new Filters(null, null, null, 1);
        }
        main.append(filterForm(service, filters));
        List<String> flags = filters.flag() == null ? List.of()
                : filters.flag().equals(FLAGGED) ? FLAGS.keySet().stream().filter(f -> !f.equals("redacted")).toList() : List.of(filters.flag());
        Moderation.CommentPage page = moderation.list(new Moderation.Filter(service.id(), flags, filters.reviewed(), filters.keyword(),
                filters.page(), PER_PAGE));
        main.append(comments(service, who, csrf, page)).append(pagination(service, filters, page));
        if (who.isAdmin()) main.append(audit(service));
        ServicePages.send(ctx, 200, Layout.page(service.name() + " – avis", Layout.Section.SERVICES, who, csrf, main.toString()));
    }

    private static void notice(Context ctx, StringBuilder main) {
        String done = ctx.queryParam("fait");
        if ("relu".equals(done)) main.append("<p class=\"notice\" role=\"status\">L'avis est marqué comme relu.</p>");
        if ("supprime".equals(done)) main.append("<p class=\"notice\" role=\"status\">Le texte de l'avis est supprimé définitivement ; ses réponses restent comptées.</p>");
    }

    private Filters filters(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap());
        List<String> allowed = new java.util.ArrayList<>(FLAGS.keySet());
        allowed.add(FLAGGED);
        String flag = q.choice("flag", allowed, null);
        String reviewed = q.choice("relu", List.of("oui", "non"), null);
        String keyword = q.optional("q", KEYWORD);
        String page = q.optional("page", Pattern.compile("[1-9][0-9]{0,5}"));
        q.check();
        return new Filters(flag, reviewed == null ? null : reviewed.equals("oui"), keyword, page == null ? 1 : Integer.parseInt(page));
    }

    private static String filterForm(Service service, Filters f) {
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"").append(ServiceTabs.path(service.id(), ServiceTabs.COMMENTS))
                .append("\" class=\"filters\" aria-label=\"Filtres des avis\">")
                .append("<div class=\"group\"><label class=\"question\" for=\"flag\">Signalement</label><select id=\"flag\" name=\"flag\">")
                .append(option("", "Tous les avis", f.flag() == null)).append(option(FLAGGED, "Signalés (tous motifs)", FLAGGED.equals(f.flag())));
        FLAGS.forEach((code, label) -> html.append(option(code, label, code.equals(f.flag()))));
        html.append("</select></div><div class=\"group\"><label class=\"question\" for=\"relu\">Relecture</label><select id=\"relu\" name=\"relu\">")
                .append(option("", "Relus ou non", f.reviewed() == null)).append(option("non", "À relire", Boolean.FALSE.equals(f.reviewed())))
                .append(option("oui", "Relus", Boolean.TRUE.equals(f.reviewed()))).append("</select></div>")
                .append("<div class=\"group\"><label class=\"question\" for=\"q\">Mot dans le commentaire</label><input id=\"q\" name=\"q\" value=\"")
                .append(escape(f.keyword() == null ? "" : f.keyword())).append("\"></div>")
                .append("<button type=\"submit\" class=\"send\">Filtrer</button></form>");
        return html.toString();
    }

    private static String comments(Service service, Analyst who, String csrf, Moderation.CommentPage page) {
        if (page.comments().isEmpty()) return "<p>Aucun avis avec commentaire ne correspond à ces filtres.</p>";
        StringBuilder html = new StringBuilder("<p role=\"status\">").append(page.total()).append(page.total() > 1 ? " avis" : " avis")
                .append(" avec commentaire, du plus récent au plus ancien.</p><ol class=\"comments\">");
        boolean moderate = who.mayEdit(service.id());
        for (Moderation.Comment c : page.comments()) {
            boolean flagged = c.flags().stream().anyMatch(f -> !f.equals("redacted"));
            html.append("<li class=\"comment").append(flagged ? " flagged" : "").append("\"><article aria-label=\"Avis du ")
                    .append(Formats.dateTime(Instant.parse(c.receivedAt()))).append("\"><p class=\"meta\">")
                    .append(Formats.dateTime(Instant.parse(c.receivedAt()))).append(" · ")
                    .append(escape(SATISFACTION.getOrDefault(c.satisfaction(), c.satisfaction())))
                    .append(c.location() == null || c.location().isEmpty() ? "" : " · lieu " + escape(c.location()))
                    .append(c.source() == null || c.source().isEmpty() ? "" : " · source " + escape(c.source()))
                    .append(c.reviewed() ? " · <span class=\"tag\">Relu</span>" : "").append("</p>");
            if (!c.flags().isEmpty()) {
                html.append("<p class=\"flags\"><span class=\"sr-only\">Signalements : </span>");
                for (String flag : c.flags()) html.append("<span class=\"tag tag-flag\">").append(escape(FLAGS.getOrDefault(flag, flag))).append("</span> ");
                html.append("</p>");
            }
            html.append("<blockquote><p>").append(escape(c.comment())).append("</p></blockquote>");
            if (moderate) {
                String action = ServiceTabs.path(service.id(), ServiceTabs.COMMENTS) + "/" + c.id();
                html.append("<div class=\"actions\">");
                if (!c.reviewed()) {
                    html.append("<form method=\"post\" action=\"").append(action).append("\">").append(Layout.csrfField(csrf))
                            .append("<input type=\"hidden\" name=\"action\" value=\"reviewed\"><button type=\"submit\" class=\"secondary\">Marquer comme relu</button></form>");
                }
                if (!c.flags().contains("redacted")) {
                    html.append("<form method=\"post\" action=\"").append(action).append("\">").append(Layout.csrfField(csrf))
                            .append("<input type=\"hidden\" name=\"action\" value=\"redact\"><button type=\"submit\" class=\"secondary danger\">Supprimer le texte…</button></form>");
                }
                html.append("</div>");
            }
            html.append("</article></li>");
        }
        return html.append("</ol>").toString();
    }

    private static String pagination(Service service, Filters f, Moderation.CommentPage page) {
        long pages = Math.max(1, (page.total() + PER_PAGE - 1) / PER_PAGE);
        if (pages == 1) return "";
        String base = ServiceTabs.path(service.id(), ServiceTabs.COMMENTS);
        StringBuilder html = new StringBuilder("<nav class=\"pagination\" aria-label=\"Pages d'avis\"><ul>");
        if (f.page() > 1) html.append("<li><a href=\"").append(escape(base + f.query(f.page() - 1))).append("\">Page précédente</a></li>");
        html.append("<li><span aria-current=\"page\">Page ").append(f.page()).append(" sur ").append(pages).append("</span></li>");
        if (f.page() < pages) html.append("<li><a href=\"").append(escape(base + f.query(f.page() + 1))).append("\">Page suivante</a></li>");
        return html.append("</ul></nav>").toString();
    }

    private String audit(Service service) {
        List<Moderation.AuditEntry> entries = moderation.audit(service.id(), 1, 50).entries();
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"audit-title\"><h2 id=\"audit-title\">Journal de modération</h2>");
        if (entries.isEmpty()) return html.append("<p>Aucune action de modération pour l'instant.</p></section>").toString();
        html.append("<table>\n<caption>Les 50 dernières actions, de la plus récente à la plus ancienne</caption>\n<thead><tr><th scope=\"col\">Quand</th>")
                .append("<th scope=\"col\">Qui</th><th scope=\"col\">Action</th><th scope=\"col\">Avis</th></tr></thead>\n<tbody>\n");
        for (Moderation.AuditEntry e : entries) {
            html.append("<tr><th scope=\"row\">").append(Formats.dateTime(Instant.parse(e.at()))).append("</th><td>")
                    .append(escape(e.actor().equals("administrator") ? "Administrateur" : e.actor())).append("</td><td>")
                    .append(e.action().equals("redact") ? "Texte supprimé" : "Marqué comme relu").append("</td><td><code>")
                    .append(escape(e.ratingId())).append("</code></td></tr>\n");
        }
        return html.append("</tbody>\n</table></section>").toString();
    }

    /** Marks reviewed at once; erasing the text, which cannot be undone, asks for a confirmation first. */
    private void act(Context ctx) {
        gate.checkForm(ctx);
        Analyst who = gate.require(ctx);
        Service service = services.readable(who, ctx.pathParam("id"));
        if (!who.mayEdit(service.id())) {
            throw Refusal.forbidden("La modération des avis revient à l'administrateur et aux responsables du service.");
        }
        String ratingId = ctx.pathParam("rating");
        if (!RATING_ID.matcher(ratingId).matches() || !moderation.serviceOf(ratingId).map(service.id()::equals).orElse(false)) {
            throw Refusal.notFound();
        }
        String action = ctx.formParam("action");
        if ("redact".equals(action) && !"oui".equals(ctx.formParam("confirmer"))) {
            confirm(ctx, who, service, ratingId);
            return;
        }
        Moderation.Action chosen = switch (action == null ? "" : action) {
            case "reviewed" -> Moderation.Action.REVIEWED;
            case "redact" -> Moderation.Action.REDACT;
            default -> throw new Refusal(400, "Action inconnue", "Choisissez « Marquer comme relu » ou « Supprimer le texte ».");
        };
        try {
            moderation.apply(ratingId, chosen, who.name());
        } catch (Moderation.NoCommentException e) {
            throw new Refusal(409, "Aucun texte", "Cet avis n'a pas de commentaire.");
        }
        BackOffice.redirect(ctx, ServiceTabs.path(service.id(), ServiceTabs.COMMENTS) + "?fait=" + (chosen == Moderation.Action.REDACT ? "supprime" : "relu"));
    }

    private void confirm(Context ctx, Analyst who, Service service, String ratingId) {
        String csrf = gate.formToken(ctx);
        String main = ServiceTabs.header(service, ServiceTabs.COMMENTS, "Supprimer un texte")
                + "<p>Le texte de cet avis sera effacé <strong>définitivement</strong> (il ne pourra pas être rétabli) ; "
                + "ses réponses aux questions restent comptées dans les indicateurs. L'action est inscrite au journal de modération.</p>"
                + "<form method=\"post\" action=\"" + ServiceTabs.path(service.id(), ServiceTabs.COMMENTS) + "/" + ratingId + "\">"
                + Layout.csrfField(csrf) + "<input type=\"hidden\" name=\"action\" value=\"redact\"><input type=\"hidden\" name=\"confirmer\" value=\"oui\">"
                + "<button type=\"submit\" class=\"send danger\">Supprimer définitivement le texte</button> "
                + "<a href=\"" + ServiceTabs.path(service.id(), ServiceTabs.COMMENTS) + "\">Annuler</a></form>";
        ServicePages.send(ctx, 200, Layout.page("Supprimer un texte – " + service.name(), Layout.Section.SERVICES, who, csrf, main));
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label) + "</option>";
    }
}
