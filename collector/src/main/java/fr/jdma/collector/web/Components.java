package fr.jdma.collector.web;

import java.util.List;
import java.util.Map;

import static fr.jdma.collector.web.Html.escape;

/**
 * Small named pieces that pages put in their main area, the same everywhere (after the GOV.UK and
 * DSFR components): text arguments are escaped here, arguments named {@code html} are trusted.
 * Add a component here when a second page needs it, rather than writing it again in a page.
 */
public final class Components {

    private Components() {
    }

    /**
     * The box at the top of a form sent back with errors: each message links to the field
     * ({@code #id} → message). Focusable so a page may send the user straight to it.
     */
    public static String errorSummary(String title, Map<String, String> messagesByFieldId) {
        StringBuilder html = new StringBuilder("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"erreurs\"><h2>")
                .append(escape(title)).append("</h2><ul>");
        messagesByFieldId.forEach((id, message) -> html.append("<li><a href=\"#").append(escape(id)).append("\">")
                .append(escape(message)).append("</a></li>"));
        return html.append("</ul></div>").toString();
    }

    /** Label → value pairs of one thing (a service's settings, a token), as a description list. */
    public static String summaryList(Map<String, String> valuesByLabel) {
        StringBuilder html = new StringBuilder("<dl class=\"summary\">");
        valuesByLabel.forEach((label, value) -> html.append("<dt>").append(escape(label)).append("</dt><dd>")
                .append(escape(value)).append("</dd>"));
        return html.append("</dl>").toString();
    }

    /**
     * A data table with its caption and column headers; the first cell of each row heads the row.
     * Cells are text; a chart drawn beside it shows the same rows.
     */
    public static String table(String caption, List<String> columns, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
        columns.forEach(column -> html.append("<th scope=\"col\">").append(escape(column)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(escape(row.get(i))).append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
