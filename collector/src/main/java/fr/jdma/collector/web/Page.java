package fr.jdma.collector.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * The one shell of every HTML page the collector serves (hosted form, generator, results, privacy,
 * back office): {@code lang}, viewport, the one stylesheet, a skip link, the header with the Marianne
 * block and the product name, an optional navigation slot, the main area the page fills, and the
 * footer. {@link #send} is the only place that writes an HTML answer: status, type, CSP, nosniff,
 * referrer policy and caching are decided here, not per page.
 *
 * <pre>{@code
 * Page.titled("Mes services").navigation(menuHtml).main("<h1>…</h1>").send(ctx, 200);
 * }</pre>
 */
public final class Page {

    public static final String PRODUCT = "Je donne mon avis";
    public static final String STYLESHEET = "/assets/jdma.css";
    public static final String PRIVACY = "/confidentialite";

    /** The page's Content-Security-Policy: a page states what it runs, never a policy string of its own. */
    public enum Policy {
        /** Our stylesheet only, forms posting to us only: every page that needs no script. */
        NO_SCRIPT("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'"),
        /** Also our own scripts and requests to ourselves: pages that embed the widget (generator preview). */
        SELF_SCRIPT("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");

        private final String header;

        Policy(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private final String title;
    private String lang = "fr";
    private String tagline = "";
    private String navigation = "";
    private String footerNote = "";
    private String main = "";
    private Policy policy = Policy.NO_SCRIPT;
    private String cacheControl = "no-store";

    private Page(String title) {
        this.title = title;
    }

    /** A page whose {@code <title>} is {@code title – Je donne mon avis}. */
    public static Page titled(String title) {
        return new Page(title);
    }

    /** A page that only says one thing: error pages, refusals. */
    public static Page message(String title, String text) {
        return titled(title).main("<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    public Page lang(String lang) {
        this.lang = lang;
        return this;
    }

    /** A line under the product name, such as "Résultats de satisfaction des usagers". */
    public Page tagline(String text) {
        this.tagline = text;
        return this;
    }

    /** Trusted HTML (already escaped) shown in the header: the back office's menu, the signed-in user. */
    public Page navigation(String html) {
        this.navigation = html;
        return this;
    }

    /** A sentence above the footer's links, such as what the data is or that the service is anonymous. */
    public Page footerNote(String text) {
        this.footerNote = text;
        return this;
    }

    /** Trusted HTML (already escaped) of the main area, starting with its {@code <h1>}. */
    public Page main(String html) {
        this.main = html;
        return this;
    }

    public Page policy(Policy policy) {
        this.policy = policy;
        return this;
    }

    /** Public pages whose content may be cached by browsers and proxies for that long; the default is no-store. */
    public Page publicFor(int seconds) {
        this.cacheControl = "public, max-age=" + seconds;
        return this;
    }

    public String html() {
        StringBuilder html = new StringBuilder(main.length() + 2048)
                .append("<!doctype html>\n<html lang=\"").append(escape(lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – ").append(PRODUCT).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>\n")
                .append("<header class=\"header\"><div class=\"container\">")
                .append("<p class=\"marianne\">République<br>française</p>")
                .append("<p class=\"site\">").append(PRODUCT);
        if (!tagline.isEmpty()) html.append("<span>").append(escape(tagline)).append("</span>");
        html.append("</p>");
        if (!navigation.isEmpty()) html.append("<nav class=\"nav\" aria-label=\"Menu principal\">").append(navigation).append("</nav>");
        html.append("</div></header>\n<main id=\"contenu\" class=\"container\">\n").append(main).append("</main>\n")
                .append("<footer class=\"footer\"><div class=\"container\">");
        if (!footerNote.isEmpty()) html.append("<p>").append(escape(footerNote)).append("</p>");
        return html.append("<ul><li><a href=\"").append(PRIVACY).append("\">Données personnelles et confidentialité</a></li></ul>")
                .append("</div></footer>\n</body>\n</html>\n").toString();
    }

    /**
     * The one stylesheet, from the jar's {@code assets/} folder, held in memory ({@link StaticAsset}). The
     * two stylesheets that existed before the shell redirect to it, so pages cached elsewhere keep their look.
     */
    public static void routes(JavalinConfig config) {
        StaticAsset stylesheet = StaticAsset.fromClasspath(STYLESHEET.substring(1), "text/css; charset=utf-8");
        if (stylesheet == null) throw new IllegalStateException("the stylesheet " + STYLESHEET + " is not in this build");
        config.routes.get(STYLESHEET, ctx -> stylesheet.serve(ctx, "public, max-age=3600"));
        for (String old : List.of("/assets/form.css", "/assets/results.css")) {
            config.routes.get(old, ctx -> ctx.redirect(STYLESHEET, HttpStatus.MOVED_PERMANENTLY));
        }
    }

    /** The one way an HTML answer leaves the collector. */
    public void send(Context ctx, int status) {
        ctx.status(status)
                .header("Content-Security-Policy", policy.header())
                .header("X-Content-Type-Options", "nosniff")
                // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", cacheControl)
                .contentType("text/html; charset=utf-8")
                .result(html());
    }
}
