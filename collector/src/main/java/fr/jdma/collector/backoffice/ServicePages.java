package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.catalogue.RefusedOrigins;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.catalogue.ServiceParser;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.stats.Activity;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.web.Components;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.Page;
import fr.jdma.collector.widget.SnippetPage;
import fr.jdma.collector.widget.WidgetAssets;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.jdma.collector.web.Html.escape;

/**
 * The services: the list (/admin/services), creating one (administrator), a service's settings
 * (administrator or its owner), its snippet, and allowing a refused origin in one click.
 */
final class ServicePages {

    private final StaffGate gate;
    private final ServiceCatalogue catalogue;
    private final RefusedOrigins refusedOrigins;
    private final Statistics statistics;
    private final Activity activity;
    private final WidgetAssets widget;
    private final Forwarded forwarded;
    private final Clock clock;

    ServicePages(StaffGate gate, ServiceCatalogue catalogue, RefusedOrigins refusedOrigins, Statistics statistics,
                 Activity activity, WidgetAssets widget, Forwarded forwarded, Clock clock) {
        this.gate = gate;
        this.catalogue = catalogue;
        this.refusedOrigins = refusedOrigins;
        this.statistics = statistics;
        this.activity = activity;
        this.widget = widget;
        this.forwarded = forwarded;
        this.clock = clock;
    }

    void routes(JavalinConfig config) {
        config.routes.get("/admin/services", this::list);
        config.routes.get("/admin/services/nouveau", this::newService);
        config.routes.post("/admin/services", this::create);
        config.routes.get("/admin/services/{id}/reglages", this::settings);
        config.routes.post("/admin/services/{id}/reglages", this::update);
        config.routes.get("/admin/services/{id}/code", this::snippet);
        config.routes.post("/admin/services/{id}/origines", this::allowOrigin);
    }

    private void list(Context ctx) {
        Analyst who = gate.require(ctx);
        LocalDate today = LocalDate.now(clock);
        Period month = new Period(today.minusDays(29), today);
        List<List<String>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("<table class=\"services\">\n<caption>Vos services et leurs avis des 30 derniers jours</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Service</th><th scope=\"col\">État</th><th scope=\"col\">Avis (30 jours)</th>")
                .append("<th scope=\"col\">Dernier avis</th><th scope=\"col\">Satisfaction (30 jours)</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        for (Service s : catalogue.list()) {
            if (!who.mayRead(s.id())) continue;
            shown++;
            Indicators recent = statistics.overall(s.id(), null, month);
            table.append("<tr><th scope=\"row\"><a href=\"").append(ServiceTabs.path(s.id(), ServiceTabs.DASHBOARD)).append("\">")
                    .append(escape(s.name())).append("</a><span class=\"id\">").append(escape(s.id())).append("</span></th>")
                    .append("<td>").append(s.enabled() ? "Actif" : "Désactivé").append("</td>")
                    .append("<td>").append(recent.answers()).append("</td>")
                    .append("<td>").append(activity.lastAnswer(s.id()).map(Formats::dateTime).orElse("Aucun")).append("</td>")
                    .append("<td>").append(escape(Formats.satisfaction(recent))).append("</td></tr>\n");
        }
        table.append("</tbody>\n</table>\n");
        StringBuilder main = new StringBuilder("<h1>Services</h1>");
        if (who.isAdmin()) main.append("<p><a class=\"button\" href=\"/admin/services/nouveau\">Créer un service</a></p>");
        main.append(shown == 0 ? "<p>Aucun service pour l'instant.</p>" : table.toString());
        send(ctx, 200, Layout.page("Services", Layout.Section.SERVICES, who, gate.formToken(ctx), main.toString()));
    }

    private void newService(Context ctx) {
        Analyst who = gate.require(ctx);
        requireAdmin(who);
        createForm(ctx, who, 200, ServiceForm.Values.empty(), Map.of());
    }

    private void create(Context ctx) {
        gate.checkForm(ctx);
        Analyst who = gate.require(ctx);
        requireAdmin(who);
        ServiceForm.Values values = ServiceForm.Values.read(ctx);
        try {
            Service created = catalogue.create(ServiceParser.parse(values.json(true), null));
            BackOffice.redirect(ctx, ServiceTabs.path(created.id(), ServiceTabs.DASHBOARD) + "?cree=1");
        } catch (InvalidInputException e) {
            createForm(ctx, who, 400, values, ServiceForm.frenchErrors(e.errors(), values));
        } catch (ServiceCatalogue.DuplicateServiceException e) {
            createForm(ctx, who, 409, values, Map.of("id", ServiceForm.duplicate()));
        }
    }

    private void createForm(Context ctx, Analyst who, int status, ServiceForm.Values values, Map<String, String> errors) {
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder("<h1>Créer un service</h1>");
        if (!errors.isEmpty()) main.append(Components.errorSummary("Le service n'a pas été créé", errors));
        main.append("<form method=\"post\" action=\"/admin/services\" novalidate>").append(Layout.csrfField(csrf))
                .append(ServiceForm.fields(values, errors, true, true))
                .append("<button type=\"submit\" class=\"send\">Créer le service</button></form>");
        send(ctx, status, Layout.page("Créer un service", Layout.Section.SERVICES, who, csrf, main.toString()));
    }

    private void settings(Context ctx) {
        Analyst who = gate.require(ctx);
        Service service = readable(who, ctx.pathParam("id"));
        requireEdit(who, service);
        settingsForm(ctx, who, service, 200, ServiceForm.Values.of(service), Map.of(), ctx.queryParam("enregistre") != null);
    }

    private void update(Context ctx) {
        gate.checkForm(ctx);
        Analyst who = gate.require(ctx);
        Service service = readable(who, ctx.pathParam("id"));
        requireEdit(who, service);
        ServiceForm.Values values = ServiceForm.Values.read(ctx);
        try {
            catalogue.update(ServiceParser.merge(service, values.json(who.isAdmin())));
            BackOffice.redirect(ctx, ServiceTabs.path(service.id(), ServiceTabs.SETTINGS) + "?enregistre=1");
        } catch (InvalidInputException e) {
            settingsForm(ctx, who, service, 400, values, ServiceForm.frenchErrors(e.errors(), values), false);
        }
    }

    private void settingsForm(Context ctx, Analyst who, Service service, int status, ServiceForm.Values values,
                              Map<String, String> errors, boolean saved) {
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder(ServiceTabs.header(service, ServiceTabs.SETTINGS, "Réglages"));
        if (saved) main.append("<p class=\"notice\" role=\"status\">Les réglages sont enregistrés.</p>");
        if (!errors.isEmpty()) main.append(Components.errorSummary("Les réglages n'ont pas été enregistrés", errors));
        main.append("<form method=\"post\" action=\"").append(ServiceTabs.path(service.id(), ServiceTabs.SETTINGS))
                .append("\" novalidate>").append(Layout.csrfField(csrf))
                .append(ServiceForm.fields(values, errors, false, who.isAdmin()))
                .append("<button type=\"submit\" class=\"send\">Enregistrer</button></form>");
        send(ctx, status, Layout.page("Réglages – " + service.name(), Layout.Section.SERVICES, who, csrf, main.toString()));
    }

    private void snippet(Context ctx) {
        Analyst who = gate.require(ctx);
        Service service = readable(who, ctx.pathParam("id"));
        StringBuilder main = new StringBuilder(ServiceTabs.header(service, ServiceTabs.SNIPPET, "Code à intégrer"));
        if (!service.enabled()) {
            main.append("<p class=\"warning\">Ce service est désactivé : le bouton n'apparaîtra pas tant qu'il ne sera pas réactivé.</p>");
        } else {
            main.append(ServiceTabs.originsWarning(service));
            main.append(SnippetPage.section(forwarded.baseUrl(ctx), service, "", "", "fr", widget));
        }
        // The preview is the real widget: this page runs our own script and lets it post to us.
        send(ctx, 200, Layout.page("Code à intégrer – " + service.name(), Layout.Section.SERVICES, who, gate.formToken(ctx), main.toString())
                .policy(Page.Policy.SELF_SCRIPT));
    }

    /** One click from the list of refused origins: the origin joins the allowed ones. */
    private void allowOrigin(Context ctx) {
        gate.checkForm(ctx);
        Analyst who = gate.require(ctx);
        Service service = readable(who, ctx.pathParam("id"));
        requireEdit(who, service);
        String origin = ctx.formParam("origin") == null ? null : ServiceParser.normaliseOrigin(ctx.formParam("origin"));
        if (origin == null || origin.equals("*")) {
            throw new Refusal(400, "Origine invalide", "Cette origine n'est pas une adresse de site (https://exemple.gouv.fr).");
        }
        if (!service.allowedOrigins().contains(origin)) {
            List<String> origins = new ArrayList<>(service.allowedOrigins());
            origins.add(origin);
            var changes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            origins.forEach(changes.putArray("allowedOrigins")::add);
            catalogue.update(ServiceParser.merge(service, changes));
        }
        refusedOrigins.forget(service.id(), origin);
        BackOffice.redirect(ctx, ServiceTabs.path(service.id(), ServiceTabs.DASHBOARD) + "?autorise=1");
    }

    /** The service, if this person may read it; otherwise 404, whether it exists or not. */
    Service readable(Analyst who, String id) {
        if (!who.mayRead(id)) throw Refusal.notFound();
        return catalogue.find(id).orElseThrow(Refusal::notFound);
    }

    static void requireEdit(Analyst who, Service service) {
        if (!who.mayEdit(service.id())) {
            throw Refusal.forbidden("Les réglages de ce service sont modifiés par l'administrateur ou par un responsable du service.");
        }
    }

    static void requireAdmin(Analyst who) {
        if (!who.isAdmin()) throw Refusal.forbidden("Cette page est réservée à l'administrateur du collecteur.");
    }

    static void send(Context ctx, int status, Page page) {
        page.send(ctx, status);
    }
}
