package fr.jdma.collector.widget;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import static fr.jdma.collector.web.Html.escape;

/**
 * GET /generateur: the webmaster's snippet generator. A plain form (no JavaScript needed) that
 * writes the one-line snippet, its SRI-pinned variant and the no-JS link, with a live preview
 * made by the real widget on this very page.
 */
public final class SnippetPage {

    private final ServiceCatalogue catalogue;
    private final WidgetAssets widget;
    private final Forwarded forwarded;

    public SnippetPage(ServiceCatalogue catalogue, WidgetAssets widget, Forwarded forwarded) {
        this.catalogue = catalogue;
        this.widget = widget;
        this.forwarded = forwarded;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/generateur", this::show);
    }

    private void show(Context ctx) {
        String serviceId = value(ctx, "service", 64);
        // Only valid codes reach the snippet: no quote can break out of its attributes.
        String location = Objects.requireNonNullElse(Codes.validOrNull(Codes.CODE, value(ctx, "location", 64)), "");
        String source = Objects.requireNonNullElse(Codes.validOrNull(Codes.SOURCE, value(ctx, "source", 32)), "");
        String lang = "en".equals(ctx.queryParam("lang")) ? "en" : "fr";
        Optional<Service> service = serviceId.isEmpty() ? Optional.empty() : catalogue.find(serviceId).filter(Service::enabled);
        String base = forwarded.baseUrl(ctx);

        StringBuilder html = new StringBuilder(8192)
                .append("<h1>Ajouter le bouton à votre site</h1>")
                .append("<form method=\"get\" action=\"/generateur\">")
                .append(field("service", "Identifiant du service (obligatoire)", serviceId, "Tel que déclaré par l'administrateur du collecteur."))
                .append(field("location", "Lieu", location, "Code INSEE de la commune (75056) ou identifiant de l'accueil (caf-94) ; vide pour le service dans son ensemble."))
                .append(field("source", "Source", source, "Étiquette de campagne : button, email…"))
                .append("<div class=\"group\"><label class=\"question\" for=\"lang\">Langue</label><select id=\"lang\" name=\"lang\">")
                .append("<option value=\"fr\"").append(lang.equals("fr") ? " selected" : "").append(">Français</option>")
                .append("<option value=\"en\"").append(lang.equals("en") ? " selected" : "").append(">English</option></select></div>")
                .append("<button type=\"submit\" class=\"send\">Générer le code</button></form>");

        if (!serviceId.isEmpty() && service.isEmpty()) {
            html.append("<p class=\"error\" role=\"alert\">Aucun service actif ne porte l'identifiant « ")
                    .append(escape(serviceId)).append(" ».</p>");
        }
        service.ifPresent(s -> html.append(section(base, s, location, source, lang, widget)));
        // the preview is the real widget, from ourselves, posting to ourselves
        Page.titled("Générateur de code").policy(Page.Policy.SELF_SCRIPT).main(html.toString()).send(ctx, 200);
    }

    /**
     * The snippets of a service, for the generator and the back office alike: the one-line snippet,
     * its SRI-pinned twin, the inline mode, the no-JS link, and a live preview made by the real widget
     * (the page must allow our own scripts). {@code location}, {@code source} and {@code lang} are valid codes or "".
     */
    public static String section(String base, Service s, String location, String source, String lang, WidgetAssets widget) {
        String attributes = " data-service=\"" + s.id() + "\""
                + (location.isEmpty() ? "" : " data-location=\"" + location + "\"")
                + (source.isEmpty() ? "" : " data-source=\"" + source + "\"")
                + (lang.equals("en") ? " data-lang=\"en\"" : "");
        String snippet = "<script src=\"" + base + "/widget/v1/jdma.js\" defer" + attributes + "></script>";
        String pinned = "<script src=\"" + base + "/widget/v" + widget.version() + "/jdma.js\" defer integrity=\""
                + widget.integrity() + "\" crossorigin=\"anonymous\"" + attributes + "></script>";
        String inline = "<div id=\"jdma-avis\"></div>\n<script src=\"" + base + "/widget/v1/jdma.js\" defer"
                + " data-mode=\"inline\" data-target=\"#jdma-avis\"" + attributes + "></script>";
        String link = base + "/avis/" + s.id() + "?" + (location.isEmpty() ? "" : "location=" + url(location) + "&")
                + "source=email";
        return new StringBuilder()
                .append("<h2>Le code à coller</h2><p>Après la confirmation de la démarche « ").append(escape(s.name())).append(" » :</p>")
                .append("<pre><code id=\"snippet\">").append(escape(snippet)).append("</code></pre>")
                .append("<h2>Avec intégrité des sous-ressources (SRI)</h2>")
                .append("<p>Version figée ").append(escape(widget.version())).append(", à mettre à jour à chaque version :</p>")
                .append("<pre><code id=\"pinned\">").append(escape(pinned)).append("</code></pre>")
                .append("<h2>Dans la page (mode intégré)</h2>")
                .append("<p>La première question et ses trois réponses s'affichent dans la page, à l'endroit du bloc :</p>")
                .append("<pre><code id=\"inline\">").append(escape(inline)).append("</code></pre>")
                .append("<h2>Sans JavaScript (courriels)</h2><p><a id=\"link\" href=\"").append(escape(link)).append("\">")
                .append(escape(link)).append("</a></p>")
                .append("<h2>Aperçu</h2><p>Le vrai bouton, tel qu'il apparaîtra (les avis envoyés d'ici sont enregistrés) :</p>")
                .append("<div id=\"apercu\" class=\"preview\"></div>")
                .append("<script src=\"/widget/v1/jdma.js\" defer data-target=\"#apercu\" data-source=\"apercu\"")
                .append(attributes.replace(" data-source=\"" + source + "\"", "")).append("></script>")
                .toString();
    }

    private static String field(String name, String label, String value, String hint) {
        return "<div class=\"group\"><label class=\"question\" for=\"" + name + "\">" + escape(label) + "</label>"
                + "<p class=\"hint\" id=\"" + name + "-hint\">" + escape(hint) + "</p>"
                + "<input id=\"" + name + "\" name=\"" + name + "\" value=\"" + escape(value) + "\" aria-describedby=\""
                + name + "-hint\"></div>";
    }

    private static String value(Context ctx, String name, int max) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip().substring(0, Math.min(value.strip().length(), max));
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
