package fr.jdma.collector.web;

import fr.jdma.collector.stats.Level;

import java.math.BigDecimal;
import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * Scores on 10 as horizontal bars, drawn by the server as inline SVG: no script, no chart
 * library, nothing for a CSP to allow. The SVG has no viewBox: bars are sized in percent of
 * the width and text stays at its CSS size (never below 12 px, even at 320 px), each label on
 * its own line above its bar so long place names fit a phone. Value and level are written as
 * text, so colour is never the only cue; a group without a published score gets a line of text
 * and no bar. It is one image with a title and a description; the page puts the same data in a
 * table ({@link ScoreTable}).
 */
public final class BarChart {

    /** One bar: its label, and its score with its level, or a null score and the text to show instead. */
    public record Bar(String label, BigDecimal score, Level level) {
    }

    private static final int ROW = 46;
    private static final int TOP = 22;
    /** Width, in percent, of a score of 10: leaves room for "10,0 · Très bien" after the bar at 320 px. */
    private static final double FULL = 55.0;

    private BarChart() {
    }

    /** The SVG; {@code id} prefixes the ids of its title and description (unique per page). */
    public static String svg(String id, String title, List<Bar> bars) {
        int height = TOP + ROW * bars.size() + 4;
        StringBuilder svg = new StringBuilder(256 + 320 * bars.size());
        svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" width=\"100%\" height=\"").append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description(bars))).append("</desc>\n");
        // the scale: 0, the level boundaries, and 10
        for (int mark : new int[] {0, Level.INSUFFISANT_FROM, Level.TRES_BIEN_FROM, 10}) {
            String x = percent(mark);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height).append("\" class=\"grid\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(TOP - 8).append("\" text-anchor=\"")
                    .append(mark == 0 ? "start" : "middle").append("\" class=\"axis\">").append(mark).append("</text>\n");
        }
        int y = TOP;
        for (Bar bar : bars) {
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" class=\"label\">").append(escape(bar.label())).append("</text>");
            if (bar.score() == null) {
                svg.append("<text x=\"0\" y=\"").append(y + 36).append("\" class=\"muted\">")
                        .append(escape(bar.level().label())).append("</text>\n");
            } else {
                String width = percent(Math.max(0.1, bar.score().doubleValue()));
                svg.append("<rect x=\"0\" y=\"").append(y + 23).append("\" width=\"").append(width)
                        .append("\" height=\"16\" fill=\"").append(Scores.colour(bar.level())).append("\"/>")
                        .append("<text x=\"").append(width).append("\" dx=\"6\" y=\"").append(y + 36).append("\">")
                        .append(escape(Scores.score(bar.score()) + " · " + bar.level().label())).append("</text>\n");
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String percent(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", score * FULL / 10);
    }

    /** The chart as one sentence for screen readers: "Paris : 8,2 sur 10, Très bien ; …". */
    private static String description(List<Bar> bars) {
        StringBuilder text = new StringBuilder();
        for (Bar bar : bars) {
            if (!text.isEmpty()) text.append(" ; ");
            text.append(bar.label()).append(" : ").append(bar.score() == null ? bar.level().label()
                    : Scores.score(bar.score()) + " sur 10, " + bar.level().label());
        }
        return text.append('.').toString();
    }
}
