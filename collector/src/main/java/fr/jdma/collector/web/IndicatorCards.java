package fr.jdma.collector.web;

import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Level;

import java.math.BigDecimal;

import static fr.jdma.collector.web.Html.escape;

/**
 * The five official indicators of one group as cards: value, level and how many answered.
 * Each score on 10 takes the level of the satisfaction scale (8 and above "Très bien", 5 to 8
 * "Insuffisant", under 5 "Critique"; a percentage is read on 10); a group under
 * {@link Indicators#MIN_ANSWERS} answers shows "Nombre d'avis insuffisant" and no value, as
 * {@link Indicators#published()} leaves it. Used by the public results and the back office.
 */
public final class IndicatorCards {

    private IndicatorCards() {
    }

    /** The cards of a group; {@code heading} is the level of each card's title (3 under a place's h2). */
    public static String render(Indicators group, int heading) {
        StringBuilder html = new StringBuilder(2048).append("<ul class=\"cards\">\n");
        long answers = group.answers();
        card(html, heading, "Satisfaction", group.satisfaction().score(), " / 10", answers,
                Scores.answers(answers));
        card(html, heading, "Clarté des informations", group.clarity().score(), " / 10", answers,
                responses(group.clarity().answers()));
        card(html, heading, "Administration jointe", group.helpReached().percent(), " %", answers,
                responses(group.helpReached().answers()) + " d'usagers qui ont tenté de la joindre");
        card(html, heading, "Qualité de l'aide", group.helpQuality().score(), " / 10", answers,
                responses(group.helpQuality().answers()));
        card(html, heading, "Autonomie", group.autonomy().score(), " / 10", answers,
                responses(group.autonomy().answers()) + " à la question sur l'aide");
        return html.append("</ul>\n").toString();
    }

    private static void card(StringBuilder html, int heading, String title, BigDecimal value, String unit,
                             long groupAnswers, String detail) {
        html.append("<li class=\"card\"><h").append(heading).append(" class=\"card-title\">").append(escape(title))
                .append("</h").append(heading).append('>');
        if (value == null) {
            String why = groupAnswers < Indicators.MIN_ANSWERS ? Level.AVIS_INSUFFISANTS.label() : "Aucune réponse à cette question";
            html.append("<p class=\"card-value none\">").append(escape(why)).append("</p>");
        } else {
            Level level = Level.of(unit.equals(" %") ? value.movePointLeft(1) : value, groupAnswers);
            html.append("<p class=\"card-value\">").append(Scores.score(value)).append("<span class=\"unit\">")
                    .append(escape(unit)).append("</span></p>")
                    .append("<p class=\"badge ").append(level.code()).append("\">").append(escape(level.label())).append("</p>");
        }
        html.append("<p class=\"card-detail\">").append(escape(detail)).append("</p></li>\n");
    }

    private static String responses(long count) {
        return Scores.count(count) + (count > 1 ? " réponses" : " réponse");
    }
}
