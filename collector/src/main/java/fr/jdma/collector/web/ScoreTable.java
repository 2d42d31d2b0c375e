package fr.jdma.collector.web;

import fr.jdma.collector.stats.Level;

import java.math.BigDecimal;
import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * The table of places or months with their answers, score on 10 and level: beside a {@link BarChart}
 * on the results page, and the back office's table by location (sortable there). "Nombre d'avis
 * insuffisant" across both last columns when no score is published. Short column headers so four
 * columns fit 320 px without breaking a word.
 */
public final class ScoreTable {

    /** One row: its label, an optional code shown beside it (an INSEE code), an optional link, and its figures. */
    public record Row(String label, String code, String href, long answers, BigDecimal score, Level level) {
    }

    /**
     * A header that sorts the table when followed (a link: no script): where it leads, how the table
     * is sorted by this column now ({@code "ascending"}, {@code "descending"}, or null when by another),
     * and the order the link asks for.
     */
    public record SortLink(String href, String current, boolean nextDescending) {
    }

    /** The links of the columns that sort the table; null for a column that does not. */
    public record Sorting(SortLink label, SortLink answers, SortLink score) {
        static final Sorting NONE = new Sorting(null, null, null);
    }

    private ScoreTable() {
    }

    public static String render(String caption, String firstColumn, String scoreColumn, List<Row> rows) {
        return render(caption, firstColumn, scoreColumn, rows, Sorting.NONE);
    }

    public static String render(String caption, String firstColumn, String scoreColumn, List<Row> rows, Sorting sorting) {
        StringBuilder html = new StringBuilder(512 + 160 * rows.size());
        html.append("<table class=\"scores\">\n<caption>").append(escape(caption)).append("</caption>\n")
                .append("<thead><tr>").append(header(firstColumn, sorting.label())).append(header("Avis", sorting.answers()))
                .append(header(scoreColumn, sorting.score())).append("<th scope=\"col\">Niveau</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><th scope=\"row\">");
            if (row.href() != null) html.append("<a href=\"").append(escape(row.href())).append("\">");
            html.append(escape(row.label()));
            if (row.href() != null) html.append("</a>");
            if (row.code() != null && !row.code().isEmpty() && !row.code().equals(row.label())) {
                html.append(" <span class=\"code\">").append(escape(row.code())).append("</span>");
            }
            html.append("</th><td>").append(Scores.count(row.answers())).append("</td>");
            if (row.score() == null) {
                html.append("<td colspan=\"2\">").append(escape(row.level().label())).append("</td>");
            } else {
                html.append("<td>").append(Scores.score(row.score())).append("</td><td>")
                        .append(escape(row.level().label())).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String header(String label, SortLink sort) {
        if (sort == null) return "<th scope=\"col\">" + escape(label) + "</th>";
        return "<th scope=\"col\"" + (sort.current() == null ? "" : " aria-sort=\"" + sort.current() + "\"") + "><a href=\""
                + escape(sort.href()) + "\">" + escape(label) + "<span class=\"sr-only\"> : trier par ordre "
                + (sort.nextDescending() ? "décroissant" : "croissant") + "</span></a></th>";
    }
}
