package fr.jdma.collector.web;

import java.math.BigDecimal;
import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * Charts drawn on the server as SVG (no script, nothing inline a strict CSP would block), each
 * with its data as an HTML table: the table is what assistive technologies and copy-paste read,
 * the drawing only repeats it. The back office's: how many gave each answer, and five indicators
 * month by month. Scores on 10 by place or month with their official level are {@link BarChart}
 * and {@link ScoreTable}, which both pages use.
 */
public final class Charts {

    /** One answer and how many gave it. */
    public record Bar(String label, long count) {
    }

    /** One period and its value (null: no answer that period). */
    public record Point(String label, BigDecimal value) {
    }

    private static final int BAR_WIDTH = 160;

    private Charts() {
    }

    /** How answers spread: a table of answer, count and share, each row with its bar (decorative, the table says it all). */
    public static String bars(String caption, List<Bar> bars) {
        long total = bars.stream().mapToLong(Bar::count).sum();
        long max = bars.stream().mapToLong(Bar::count).max().orElse(0);
        StringBuilder html = new StringBuilder("<table class=\"bars\">\n<caption>").append(escape(caption)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Réponse</th><th scope=\"col\">Nombre</th><th scope=\"col\">Part</th>")
                .append("<th scope=\"col\"><span class=\"sr-only\">Graphique</span></th></tr></thead>\n<tbody>\n");
        for (Bar bar : bars) {
            long width = max == 0 ? 0 : Math.round((double) BAR_WIDTH * bar.count() / max);
            html.append("<tr><th scope=\"row\">").append(escape(bar.label())).append("</th><td>").append(bar.count())
                    .append("</td><td>").append(percent(bar.count(), total)).append("</td><td>")
                    .append("<svg class=\"bar\" viewBox=\"0 0 ").append(BAR_WIDTH).append(" 14\" width=\"").append(BAR_WIDTH)
                    .append("\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">")
                    .append("<rect x=\"0\" y=\"1\" height=\"12\" width=\"").append(width).append("\"></rect></svg></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /**
     * A value per period as columns on a 0–{@code max} scale, with the same values in a table below
     * (opened on demand). {@code id} makes the chart's title referable.
     */
    public static String trend(String id, String title, String unit, List<Point> points, int max) {
        int step = 44;
        int height = 120;
        int width = Math.max(step * points.size(), step) + 30;
        StringBuilder svg = new StringBuilder("<svg class=\"trend\" viewBox=\"0 0 ").append(width).append(' ').append(height + 24)
                .append("\" width=\"").append(width).append("\" height=\"").append(height + 24)
                .append("\" role=\"img\" aria-labelledby=\"").append(escape(id)).append("\">")
                .append("<line class=\"axis\" x1=\"28\" y1=\"").append(height).append("\" x2=\"").append(width).append("\" y2=\"").append(height).append("\"></line>")
                .append("<text class=\"scale\" x=\"0\" y=\"10\">").append(max).append("</text>")
                .append("<text class=\"scale\" x=\"0\" y=\"").append(height).append("\">0</text>");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int x = 32 + i * step;
            if (p.value() != null) {
                int h = (int) Math.round(p.value().doubleValue() / max * (height - 8));
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(height - h).append("\" width=\"").append(step - 14)
                        .append("\" height=\"").append(h).append("\"></rect>");
            }
            svg.append("<text class=\"label\" x=\"").append(x).append("\" y=\"").append(height + 16).append("\">")
                    .append(escape(shortLabel(p.label()))).append("</text>");
        }
        svg.append("</svg>");
        StringBuilder html = new StringBuilder("<figure class=\"trend-chart\"><figcaption id=\"").append(escape(id)).append("\">")
                .append(escape(title)).append("</figcaption>").append(svg)
                .append("<details><summary>Voir les données de « ").append(escape(title)).append(" » en tableau</summary>")
                .append("<table>\n<caption>").append(escape(title)).append("</caption>\n<thead><tr><th scope=\"col\">Période</th><th scope=\"col\">")
                .append(escape(unit)).append("</th></tr></thead>\n<tbody>\n");
        for (Point p : points) {
            html.append("<tr><th scope=\"row\">").append(escape(p.label())).append("</th><td>")
                    .append(p.value() == null ? "Aucune réponse" : Scores.score(p.value())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table></details></figure>\n").toString();
    }

    /** "2026-03" as "03/26" under a column. */
    private static String shortLabel(String label) {
        return label.matches("\\d{4}-\\d{2}") ? label.substring(5) + "/" + label.substring(2, 4) : label;
    }

    private static String percent(long part, long total) {
        if (total == 0) return "–";
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(total), 0, java.math.RoundingMode.HALF_UP) + " %";
    }
}
