package fr.jdma.collector.backoffice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.access.AnalystToken;
import fr.jdma.collector.access.AnalystTokens;
import fr.jdma.collector.access.Role;
import fr.jdma.collector.access.TokenRequests;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.web.Components;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.web.Html.escape;

/** /admin/jetons (administrator): create a token (shown once, with its role and services), list them, revoke one. */
final class TokensPage {

    private final StaffGate gate;
    private final AnalystTokens tokens;
    private final ServiceCatalogue catalogue;

    TokensPage(StaffGate gate, AnalystTokens tokens, ServiceCatalogue catalogue) {
        this.gate = gate;
        this.tokens = tokens;
        this.catalogue = catalogue;
    }

    void routes(JavalinConfig config) {
        config.routes.get("/admin/jetons", ctx -> page(ctx, admin(ctx), 200, null, Form.EMPTY, Map.of(), ctx.queryParam("revoque") != null));
        config.routes.post("/admin/jetons", this::create);
        config.routes.post("/admin/jetons/{id}/revocation", this::revoke);
    }

    private record Form(String name, String role, List<String> services) {
        static final Form EMPTY = new Form("", "analyst", List.of());
    }

    private Analyst admin(Context ctx) {
        Analyst who = gate.require(ctx);
        ServicePages.requireAdmin(who);
        return who;
    }

    private void create(Context ctx) {
        gate.checkForm(ctx);
        Analyst who = admin(ctx);
        Form form = new Form(ctx.formParam("name") == null ? "" : ctx.formParam("name"),
                ctx.formParam("role") == null ? "analyst" : ctx.formParam("role"), ctx.formParams("services"));
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("name", form.name()).put("role", form.role());
        form.services().forEach(json.putArray("services")::add);
        if (!json.has("services")) json.putArray("services");
        try {
            AnalystToken.Created created = tokens.create(TokenRequests.parse(json, catalogue));
            page(ctx, who, 201, created, Form.EMPTY, Map.of(), false);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> {
                switch (error.field()) {
                    case "name" -> errors.put("token-name", "Indiquez pour qui ou pour quoi est ce jeton (200 caractères au plus).");
                    case "role" -> errors.put("role-analyst", "Choisissez le rôle : analyste ou responsable de service.");
                    default -> errors.put("services-all", "Choisissez au moins un service, ou tous les services (seuls).");
                }
            });
            page(ctx, who, 400, null, form, errors, false);
        }
    }

    private void revoke(Context ctx) {
        gate.checkForm(ctx);
        admin(ctx);
        if (!tokens.revoke(ctx.pathParam("id"))) throw Refusal.notFound();
        BackOffice.redirect(ctx, "/admin/jetons?revoque=1");
    }

    private void page(Context ctx, Analyst who, int status, AnalystToken.Created created, Form form, Map<String, String> errors, boolean revoked) {
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder("<h1>Jetons d'accès</h1>");
        if (revoked) main.append("<p class=\"notice\" role=\"status\">Le jeton est révoqué : il ne donne plus accès à rien, et ses sessions sont fermées.</p>");
        if (created != null) {
            main.append("<div class=\"notice created\" role=\"status\"><h2>Jeton créé pour « ").append(escape(created.name())).append(" »</h2>")
                    .append("<p>Copiez-le maintenant et remettez-le à son destinataire : il ne sera plus jamais affiché (seule son empreinte est conservée).</p>")
                    .append("<pre><code id=\"new-token\">").append(escape(created.token())).append("</code></pre>")
                    .append(Components.summaryList(Map.of("Rôle", created.role().label(), "Services", services(created.services()))))
                    .append("</div>");
        }
        if (!errors.isEmpty()) main.append(Components.errorSummary("Le jeton n'a pas été créé", errors));
        main.append(createForm(csrf, form, errors)).append(list(csrf));
        Layout.page("Jetons d'accès", Layout.Section.TOKENS, who, csrf, main.toString()).send(ctx, status);
    }

    private String createForm(String csrf, Form form, Map<String, String> errors) {
        StringBuilder html = new StringBuilder("<h2>Créer un jeton</h2><form method=\"post\" action=\"/admin/jetons\" novalidate>")
                .append(Layout.csrfField(csrf))
                .append("<div class=\"group").append(errors.containsKey("token-name") ? " has-error" : "").append("\">")
                .append("<label class=\"question\" for=\"token-name\">Nom</label><p class=\"hint\" id=\"token-name-hint\">La personne ou l'équipe qui l'utilisera, par exemple « Équipe statistiques CAF ».</p>")
                .append(error("token-name", errors))
                .append("<input id=\"token-name\" name=\"name\" value=\"").append(escape(form.name())).append("\" aria-describedby=\"token-name-hint\"></div>")
                .append("<fieldset class=\"group\"><legend class=\"question\">Rôle</legend>").append(error("role-analyst", errors)).append("<div class=\"choices\">")
                .append(radio("role-analyst", "analyst", form.role(), "Analyste : lit les indicateurs, les avis et les exports de ses services"))
                .append(radio("role-owner", "owner", form.role(), "Responsable de service : peut aussi modifier les réglages et modérer les avis de ses services"))
                .append("</div></fieldset>")
                .append("<fieldset class=\"group").append(errors.containsKey("services-all") ? " has-error" : "")
                .append("\"><legend class=\"question\">Services</legend>").append(error("services-all", errors)).append("<div class=\"choices\">")
                .append(check("services-all", "*", form.services().contains("*"), "Tous les services"));
        for (Service s : catalogue.list()) {
            html.append(check("services-" + s.id(), s.id(), form.services().contains(s.id()), s.name() + " (" + s.id() + ")"));
        }
        return html.append("</div></fieldset><button type=\"submit\" class=\"send\">Créer le jeton</button></form>").toString();
    }

    private String list(String csrf) {
        List<AnalystToken> all = tokens.list();
        StringBuilder html = new StringBuilder("<h2>Jetons existants</h2>");
        if (all.isEmpty()) return html.append("<p>Aucun jeton pour l'instant.</p>").toString();
        html.append("<table class=\"tokens\">\n<caption>Jetons d'accès, du plus ancien au plus récent</caption>\n<thead><tr><th scope=\"col\">Nom</th>")
                .append("<th scope=\"col\">Rôle</th><th scope=\"col\">Services</th><th scope=\"col\">Créé le</th><th scope=\"col\">État</th>")
                .append("<th scope=\"col\">Action</th></tr></thead>\n<tbody>\n");
        for (AnalystToken t : all) {
            html.append("<tr><th scope=\"row\">").append(escape(t.name())).append("</th><td>").append(escape(t.role().label())).append("</td><td>")
                    .append(escape(services(t.services()))).append("</td><td>").append(Formats.dateTime(Instant.parse(t.createdAt()))).append("</td><td>")
                    .append(t.revoked() ? "Révoqué le " + Formats.dateTime(Instant.parse(t.revokedAt())) : "Actif").append("</td><td>");
            if (!t.revoked()) {
                html.append("<form method=\"post\" action=\"/admin/jetons/").append(escape(t.id())).append("/revocation\">")
                        .append(Layout.csrfField(csrf)).append("<button type=\"submit\" class=\"secondary\">Révoquer <span class=\"sr-only\">le jeton ")
                        .append(escape(t.name())).append("</span></button></form>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String services(List<String> services) {
        return services.contains("*") ? "Tous les services" : String.join(", ", services);
    }

    private static String radio(String id, String value, String current, String label) {
        return "<div class=\"choice\"><input type=\"radio\" id=\"" + id + "\" name=\"role\" value=\"" + value + "\""
                + (value.equals(current) ? " checked" : "") + "><label for=\"" + id + "\">" + escape(label) + "</label></div>";
    }

    private static String check(String id, String value, boolean checked, String label) {
        return "<div class=\"choice\"><input type=\"checkbox\" id=\"" + escape(id) + "\" name=\"services\" value=\"" + escape(value) + "\""
                + (checked ? " checked" : "") + "><label for=\"" + escape(id) + "\">" + escape(label) + "</label></div>";
    }

    private static String error(String id, Map<String, String> errors) {
        String message = errors.get(id);
        return message == null ? "" : "<p class=\"error\">" + escape(message) + "</p>";
    }
}
