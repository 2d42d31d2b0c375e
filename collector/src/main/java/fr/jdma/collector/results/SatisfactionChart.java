package fr.jdma.collector.results;

import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Level;

import java.util.List;

import static fr.jdma.collector.web.Html.escape;

/**
 * The satisfaction of each location as horizontal bars, drawn by the server as inline SVG: no
 * script, no chart library, nothing for the CSP to allow. Colours follow the level, and the
 * value and level are also written as text, so colour is never the only cue. Locations
 * without enough answers get a line of text and no bar. The table below is the accessible
 * alternative; the SVG is one image with a title and a description.
 */
final class SatisfactionChart {

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 200;
    private static final int BAR_WIDTH = 320;
    private static final int ROW = 40;
    private static final int TOP = 28;

    private SatisfactionChart() {
    }

    static String svg(List<Indicators> groups) {
        int height = TOP + ROW * groups.size() + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .append("<title id=\"chart-title\">Satisfaction des usagers par lieu, sur 10</title>\n")
                .append("<desc id=\"chart-desc\">").append(escape(description(groups))).append("</desc>\n");
        // the scale: 0, 5 and 8 (the level boundaries) and 10
        for (int mark : new int[] {0, 5, 8, 10}) {
            int x = LABEL_WIDTH + BAR_WIDTH * mark / 10;
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#929292\" stroke-dasharray=\"2 3\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(TOP - 10)
                    .append("\" text-anchor=\"middle\" class=\"axis\">").append(mark).append("</text>\n");
        }
        int y = TOP;
        for (Indicators group : groups) {
            svg.append("<text x=\"").append(LABEL_WIDTH - 10).append("\" y=\"").append(y + 25)
                    .append("\" text-anchor=\"end\">").append(escape(ResultsPage.locationName(group.location()))).append("</text>");
            var satisfaction = group.satisfaction();
            if (satisfaction.score() == null) {
                svg.append("<text x=\"").append(LABEL_WIDTH + 6).append("\" y=\"").append(y + 25)
                        .append("\" class=\"muted\">").append(escape(Level.AVIS_INSUFFISANTS.label())).append("</text>\n");
            } else {
                int width = Math.max(2, satisfaction.score().multiply(java.math.BigDecimal.valueOf(BAR_WIDTH / 10)).intValue());
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 8).append("\" width=\"").append(width)
                        .append("\" height=\"24\" fill=\"").append(colour(satisfaction.level())).append("\"/>")
                        .append("<text x=\"").append(LABEL_WIDTH + width + 8).append("\" y=\"").append(y + 25).append("\">")
                        .append(escape(ResultsPage.score(satisfaction.score()) + " – " + satisfaction.level().label()))
                        .append("</text>\n");
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String description(List<Indicators> groups) {
        StringBuilder text = new StringBuilder();
        for (Indicators group : groups) {
            if (!text.isEmpty()) text.append(" ; ");
            text.append(ResultsPage.locationName(group.location())).append(" : ");
            var satisfaction = group.satisfaction();
            text.append(satisfaction.score() == null ? Level.AVIS_INSUFFISANTS.label()
                    : ResultsPage.score(satisfaction.score()) + " sur 10, " + satisfaction.level().label());
        }
        return text.append('.').toString();
    }

    /** DSFR system colours: success, warning, error. */
    private static String colour(Level level) {
        return switch (level) {
            case TRES_BIEN -> "#18753c";
            case INSUFFISANT -> "#b34000";
            case CRITIQUE -> "#ce0500";
            case AVIS_INSUFFISANTS -> "#929292";
        };
    }
}
