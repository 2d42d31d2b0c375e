package fr.jdma.collector.backoffice;

import fr.jdma.collector.catalogue.Service;

import static fr.jdma.collector.web.Html.escape;

/** The pages of one service, under its name: dashboard, comments, settings, snippet. */
final class ServiceTabs {

    static final String DASHBOARD = "";
    static final String COMMENTS = "/avis";
    static final String SETTINGS = "/reglages";
    static final String SNIPPET = "/code";

    private static final String[][] TABS = {
            {DASHBOARD, "Tableau de bord"}, {COMMENTS, "Avis"}, {SETTINGS, "Réglages"}, {SNIPPET, "Code à intégrer"}};

    private ServiceTabs() {
    }

    static String path(String serviceId, String tab) {
        return "/admin/services/" + serviceId + tab;
    }

    /** Breadcrumb, the service's name as the page's heading with the page's name, and the tabs. */
    static String header(Service service, String current, String pageName) {
        StringBuilder html = new StringBuilder("<nav aria-label=\"Fil d'Ariane\" class=\"breadcrumb\"><ol><li><a href=\"/admin/services\">Services</a></li>")
                .append("<li>").append(escape(service.name())).append("</li></ol></nav>")
                .append("<h1>").append(escape(service.name())).append(" <span class=\"subtitle\">").append(escape(pageName)).append("</span></h1>")
                .append("<nav aria-label=\"Pages du service\" class=\"tabs\"><ul>");
        for (String[] tab : TABS) {
            html.append("<li><a href=\"").append(path(service.id(), tab[0])).append('"')
                    .append(tab[0].equals(current) ? " aria-current=\"page\"" : "").append('>').append(tab[1]).append("</a></li>");
        }
        return html.append("</ul></nav>").toString();
    }

    /** Said wherever it matters while true: without an allowed origin, every site's answers are refused. */
    static String originsWarning(Service service) {
        if (!service.allowedOrigins().isEmpty()) return "";
        return "<div class=\"warning\" role=\"status\"><p><strong>Aucun site ne peut encore envoyer d'avis.</strong> "
                + "Ajoutez l'adresse du site (par exemple https://www.exemple.gouv.fr) dans les <a href=\""
                + path(service.id(), SETTINGS) + "\">réglages</a> : sans elle, les avis envoyés par le bouton sont refusés.</p></div>";
    }
}
