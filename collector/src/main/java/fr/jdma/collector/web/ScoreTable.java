package fr.jdma.collector.web;

import fr.jdma.collector.stats.Level;

import java.math.BigDecimal;
import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * The table that goes with a {@link BarChart}: one row per place or month with its answers, its
 * score on 10 and its level; "Nombre d'avis insuffisant" across both when no score is published.
 * Short column headers so four columns fit 320 px without breaking a word.
 */
public final class ScoreTable {

    /** One row: its label, an optional code shown beside it (an INSEE code), an optional link, and its figures. */
    public record Row(String label, String code, String href, long answers, BigDecimal score, Level level) {
    }

    private ScoreTable() {
    }

    public static String render(String caption, String firstColumn, String scoreColumn, List<Row> rows) {
        StringBuilder html = new StringBuilder(512 + 160 * rows.size());
        html.append("<table class=\"scores\">\n<caption>").append(escape(caption)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">").append(escape(firstColumn)).append("</th>")
                .append("<th scope=\"col\">Avis</th><th scope=\"col\">").append(escape(scoreColumn)).append("</th>")
                .append("<th scope=\"col\">Niveau</th></tr></thead>\n<tbody>\n");
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
}
