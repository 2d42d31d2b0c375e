package fr.jdma.collector.web;

import fr.jdma.collector.stats.Counts;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Level;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page components shared by the public results and the back office. */
class ComponentsTest {

    static Counts counts(long good, long average, long bad) {
        long answers = good + average + bad;
        return new Counts(answers, good, average, bad, answers, 3 * answers, answers, answers / 2, 10, 7, 10, 30);
    }

    @Test
    void a_bar_chart_sizes_bars_in_percent_without_viewBox_so_its_text_never_shrinks() {
        String svg = BarChart.svg("trend", "Satisfaction <mois>", List.of(
                new BarChart.Bar("Paris", new BigDecimal("10.0"), Level.TRES_BIEN),
                new BarChart.Bar("Lyon & co", null, Level.AVIS_INSUFFISANTS)));

        assertThat(svg).startsWith("<svg class=\"chart\" role=\"img\" aria-labelledby=\"trend-title trend-desc\" width=\"100%\"")
                .doesNotContain("viewBox", "style=")
                .contains("<title id=\"trend-title\">Satisfaction &lt;mois&gt;</title>")
                .contains("<desc id=\"trend-desc\">Paris : 10,0 sur 10, Très bien ; Lyon &amp; co : Nombre d&#39;avis insuffisant.</desc>")
                .contains("<rect x=\"0\" y=\"45\" width=\"55.00%\"", "10,0 · Très bien");
        assertThat(svg.split("<rect ", -1)).hasSize(2);
    }

    @Test
    void a_score_table_row_shows_answers_score_and_level_or_one_cell_saying_there_are_too_few() {
        String html = ScoreTable.render("Satisfaction par commune", "Commune", "Note sur 10", List.of(
                new ScoreTable.Row("Paris", "75056", "?level=commune&code=75056", 1234, new BigDecimal("8.2"), Level.TRES_BIEN),
                new ScoreTable.Row("caf-94", "caf-94", null, 99, null, Level.AVIS_INSUFFISANTS)));

        assertThat(html).contains("<caption>Satisfaction par commune</caption>",
                "<th scope=\"row\"><a href=\"?level=commune&amp;code=75056\">Paris</a> <span class=\"code\">75056</span></th><td>1\u00a0234</td><td>8,2</td><td>Très bien</td>",
                "<th scope=\"row\">caf-94</th><td>99</td><td colspan=\"2\">Nombre d&#39;avis insuffisant</td>");
    }

    @Test
    void a_sortable_score_table_heads_its_columns_with_links_and_says_by_which_it_is_sorted() {
        String html = ScoreTable.render("Par lieu", "Lieu", "Satisfaction", List.of(
                new ScoreTable.Row("Paris", "75056", null, 3, new BigDecimal("6.7"), Level.AVIS_INSUFFISANTS)),
                new ScoreTable.Sorting(new ScoreTable.SortLink("?tri=lieu&ordre=desc", "ascending", true),
                        new ScoreTable.SortLink("?tri=avis&ordre=asc", null, false), null));

        assertThat(html).contains("<thead><tr><th scope=\"col\" aria-sort=\"ascending\"><a href=\"?tri=lieu&amp;ordre=desc\">Lieu"
                        + "<span class=\"sr-only\"> : trier par ordre décroissant</span></a></th>"
                        + "<th scope=\"col\"><a href=\"?tri=avis&amp;ordre=asc\">Avis<span class=\"sr-only\"> : trier par ordre croissant</span></a></th>"
                        + "<th scope=\"col\">Satisfaction</th><th scope=\"col\">Niveau</th></tr></thead>",
                "<th scope=\"row\">Paris <span class=\"code\">75056</span></th><td>3</td><td>6,7</td><td>Nombre d&#39;avis insuffisant</td>");
    }

    @Test
    void indicator_cards_show_five_values_with_their_level() {
        Indicators group = Indicators.of("s", "75056", "2026-03", counts(80, 20, 0));

        String html = IndicatorCards.render(group, 3);

        assertThat(html.split("<li class=\"card\">", -1)).hasSize(6);
        assertThat(html).contains("<h3 class=\"card-title\">Satisfaction</h3><p class=\"card-value\">9,0<span class=\"unit\"> / 10</span></p><p class=\"badge tres_bien\">Très bien</p>")
                .contains("Administration jointe</h3><p class=\"card-value\">70,0<span class=\"unit\"> %</span></p><p class=\"badge insuffisant\">Insuffisant</p>")
                .contains("Clarté des informations</h3><p class=\"card-value\">7,5");
    }

    @Test
    void indicator_cards_of_a_group_under_100_answers_show_no_value_at_all() {
        Indicators group = Indicators.of("s", "75056", "2026-03", counts(20, 34, 45)).published();

        String html = IndicatorCards.render(group, 2);

        assertThat(html).contains("<h2 class=\"card-title\">Satisfaction</h2>", "Nombre d&#39;avis insuffisant", "99 avis")
                .doesNotContain("badge", "/ 10", "3,7");
    }

    @Test
    void counts_are_grouped_the_French_way() {
        assertThat(Scores.count(1234567)).isEqualTo("1\u00a0234\u00a0567");
        assertThat(Scores.answers(1)).isEqualTo("1 avis");
        assertThat(Scores.score(new BigDecimal("7.5"))).isEqualTo("7,5");
    }
}
