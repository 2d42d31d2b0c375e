package fr.jdma.collector.results;

import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Level;
import fr.jdma.collector.web.Page;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static fr.jdma.collector.web.Html.escape;

/**
 * The public results page of a service, in French, with the look of the State's design system
 * (DSFR): "République française" header, Bleu France, system fonts. Every value is escaped;
 * no script; the shell ({@link Page}) links the one stylesheet so a strict CSP can hold.
 */
final class ResultsPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

    private ResultsPage() {
    }

    static Page render(PublicResults.Results results) {
        var service = results.service();
        StringBuilder body = new StringBuilder();
        body.append("<h1>Résultats : ").append(escape(service.name())).append("</h1>\n");
        if (!service.organisation().isBlank()) {
            body.append("<p class=\"organisation\">").append(escape(service.organisation())).append("</p>\n");
        }
        body.append("<p>Avis déposés par les usagers avec le bouton « Je donne mon avis », du ")
                .append(date(results.period().from())).append(" au ").append(date(results.period().to()))
                .append(" (12 derniers mois).</p>\n");
        if (results.groups().isEmpty()) {
            body.append("<p class=\"empty\">Aucun avis n'a été recueilli sur cette période.</p>\n");
        } else {
            body.append("<h2>Satisfaction par lieu</h2>\n<figure>\n")
                    .append(SatisfactionChart.svg(results.groups()))
                    .append("\n<figcaption>Note de satisfaction sur 10 par lieu ; le tableau ci-dessous donne les mêmes valeurs.</figcaption>\n</figure>\n");
            table(body, results);
        }
        body.append("""
                <h2>Comment lire ces résultats</h2>
                <p>La note de satisfaction est la moyenne des réponses à la question « De façon générale, comment ça s'est passé ? » :
                « Très bien » vaut 10, « Moyen » 5 et « Pas bien » 0.</p>
                <ul>
                <li>Très bien : note supérieure ou égale à 8 ;</li>
                <li>Insuffisant : note de 5 à moins de 8 ;</li>
                <li>Critique : note inférieure à 5.</li>
                </ul>
                <p>En dessous de 100 avis sur les 12 derniers mois, aucune note n'est publiée : « Nombre d'avis insuffisant ».</p>
                """);
        return page("Résultats : " + service.name(), body.toString());
    }

    private static void table(StringBuilder body, PublicResults.Results results) {
        body.append("<table>\n<caption>Satisfaction des usagers par lieu, du ").append(date(results.period().from()))
                .append(" au ").append(date(results.period().to())).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Lieu</th><th scope=\"col\">Nombre d'avis</th>")
                .append("<th scope=\"col\">Satisfaction (sur 10)</th><th scope=\"col\">Niveau</th></tr></thead>\n<tbody>\n");
        for (Indicators group : results.groups()) {
            body.append("<tr><th scope=\"row\">").append(escape(locationName(group.location()))).append("</th><td>")
                    .append(group.answers()).append("</td>");
            var satisfaction = group.satisfaction();
            if (satisfaction.score() == null) {
                body.append("<td colspan=\"2\">").append(escape(Level.AVIS_INSUFFISANTS.label())).append("</td>");
            } else {
                body.append("<td>").append(score(satisfaction.score())).append("</td><td>")
                        .append(escape(satisfaction.level().label())).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    static Page notFound() {
        return page("Page introuvable", """
                <h1>Page introuvable</h1>
                <p>Il n'y a pas de résultats publics à cette adresse : le service n'existe pas ou ne publie pas ses résultats.</p>
                """);
    }

    private static Page page(String title, String main) {
        return Page.titled(title).tagline("Résultats de satisfaction des usagers")
                .footerNote("Données issues des avis déposés par les usagers, mises à jour en continu.").main(main);
    }

    /** "" is the service as a whole. */
    static String locationName(String location) {
        return location == null || location.isEmpty() ? "Ensemble du service" : location;
    }

    /** A score the French way: 8,2. */
    static String score(BigDecimal score) {
        return score.toPlainString().replace('.', ',');
    }

    private static String date(LocalDate day) {
        return DATE.format(day);
    }
}
