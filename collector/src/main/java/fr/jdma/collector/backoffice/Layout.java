package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.web.Page;

import static fr.jdma.collector.web.Html.escape;

/** What every signed-in back-office page adds to the shell: the menu, who is signed in, the sign-out button. */
final class Layout {

    static final String TAGLINE = "Back-office";

    /** The menu's entries; {@code current} is the path of the entry the page belongs to. */
    enum Section {
        SERVICES("/admin/services", "Services"), TOKENS("/admin/jetons", "Jetons d'accès");

        final String path;
        final String label;

        Section(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }

    private Layout() {
    }

    static Page page(String title, Section current, Analyst who, String csrf, String main) {
        StringBuilder nav = new StringBuilder("<ul>");
        for (Section section : Section.values()) {
            if (section == Section.TOKENS && !who.isAdmin()) continue;
            nav.append("<li><a href=\"").append(section.path).append('"')
                    .append(section == current ? " aria-current=\"page\"" : "").append('>').append(section.label).append("</a></li>");
        }
        nav.append("</ul><p class=\"who\">").append(escape(who.isAdmin() ? "Administrateur" : who.name()))
                .append(who.isAdmin() ? "" : " (" + escape(who.role().label().toLowerCase(java.util.Locale.ROOT)) + ")")
                .append("</p>")
                .append("<form method=\"post\" action=\"/admin/deconnexion\">").append(csrfField(csrf))
                .append("<button type=\"submit\" class=\"secondary\">Se déconnecter</button></form>");
        return Page.titled(title).tagline(TAGLINE).navigation(nav.toString()).main(main);
    }

    /** The hidden field every state-changing form of the back office carries. */
    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"" + StaffGate.CSRF_FIELD + "\" value=\"" + escape(csrf) + "\">";
    }
}
