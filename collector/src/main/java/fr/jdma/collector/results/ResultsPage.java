package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Level;
import fr.jdma.collector.web.BarChart;
import fr.jdma.collector.web.IndicatorCards;
import fr.jdma.collector.web.ScoreTable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static fr.jdma.collector.web.Html.escape;

/**
 * The public results page of a service, in French: find a commune (a GET form, no script), switch
 * between every location, communes, départements, régions and France, read a place's five
 * indicators, its month-by-month trend (chart and table) and how it compares with its
 * département, région and France. Every group under 100 answers shows only its count.
 */
final class ResultsPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);
    static final String LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private final PublicResults results;
    private final PlaceNames names;

    ResultsPage(PublicResults results) {
        this.results = results;
        this.names = results.names();
    }

    /** The main area of the page. */
    String main(Service service, ResultsRequest request, List<Geography.Commune> matches) {
        Period period = PublicResults.lastTwelveMonths(results.today());
        StringBuilder html = new StringBuilder(16_384);
        html.append("<h1>Résultats : ").append(escape(service.name())).append("</h1>\n");
        if (!service.organisation().isBlank()) {
            html.append("<p class=\"organisation\">").append(escape(service.organisation())).append("</p>\n");
        }
        html.append("<p>Avis déposés par les usagers avec le bouton « Je donne mon avis », du ")
                .append(date(period.from())).append(" au ").append(date(period.to())).append(" (").append(Indicators.WINDOW_MONTHS).append(" derniers mois).</p>\n");
        searchForm(html, service, request.query());
        if (request.query() != null) searchResults(html, service, request.query(), matches);
        levels(html, service, request);
        if (request.onePlace()) {
            place(html, service, request.level(), request.code());
        } else {
            list(html, service, request.level());
        }
        openData(html, service);
        howToRead(html);
        return html.toString();
    }

    private static void searchForm(StringBuilder html, Service service, String query) {
        html.append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/resultats/").append(escape(service.id())).append("\">\n")
                .append("<label for=\"q\">Trouver une commune</label>\n")
                .append("<p class=\"hint\" id=\"q-hint\">Son nom ou son code postal, par exemple Vincennes ou 94300.</p>\n")
                .append("<div class=\"search-row\"><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"")
                .append(ResultsRequest.MAX_QUERY).append("\" aria-describedby=\"q-hint\" autocomplete=\"address-level2\" value=\"")
                .append(escape(query == null ? "" : query)).append("\">")
                .append("<button type=\"submit\" class=\"send\">Rechercher</button></div>\n</form>\n");
    }

    /** Several communes, or none: a list to choose from (exactly one match is a redirect, in the controller). */
    private void searchResults(StringBuilder html, Service service, String query, List<Geography.Commune> matches) {
        if (matches.isEmpty()) {
            html.append("<p class=\"notice\" id=\"recherche\">Aucune commune ne correspond à « ").append(escape(query))
                    .append(" ». Vérifiez l'orthographe, ou essayez le code postal.</p>\n");
            return;
        }
        html.append("<h2 id=\"recherche\">Communes correspondant à « ").append(escape(query)).append(" »</h2>\n<ul class=\"matches\">\n");
        for (Geography.Commune c : matches) {
            String departement = names.geography().departementName(c.departement()).orElse(c.departement());
            String label = c.code().equals(c.communeCode()) ? c.communeName()
                    : c.name() + ", " + (c.kind() == Geography.Kind.ARRONDISSEMENT ? "à " : "commune rattachée à ") + c.communeName();
            html.append("<li><a href=\"").append(escape(ResultsRequest.href(service.id(), GeoLevel.COMMUNE, c.communeCode())))
                    .append("\">").append(escape(label)).append("</a> (").append(escape(departement)).append(", ")
                    .append(escape(c.departement())).append(")</li>\n");
        }
        html.append("</ul>\n");
    }

    /** The level switch; with one place shown, each level leads to the place holding it (its département, its région). */
    private void levels(StringBuilder html, Service service, ResultsRequest request) {
        List<PlaceNames.Place> lineage = request.onePlace() ? names.lineage(request.level(), request.code()) : List.of();
        html.append("<nav class=\"levels\" aria-label=\"Niveau géographique\"><ul>\n");
        level(html, ResultsRequest.href(service.id(), null, null), "Tous les lieux", request.level() == null);
        for (GeoLevel level : GeoLevel.values()) {
            String code = lineage.stream().filter(p -> p.level() == level).map(PlaceNames.Place::code).findFirst().orElse(null);
            level(html, ResultsRequest.href(service.id(), level, code), level.label(), request.level() == level);
        }
        html.append("</ul></nav>\n");
    }

    private static void level(StringBuilder html, String href, String label, boolean current) {
        html.append("<li><a href=\"").append(escape(href)).append('"').append(current ? " aria-current=\"page\"" : "")
                .append('>').append(escape(label)).append("</a></li>\n");
    }

    /** Every place of a level (or every location): the nation's cards, the places' chart and table, the nation's trend. */
    private void list(StringBuilder html, Service service, GeoLevel level) {
        Optional<Indicators> nation = results.place(service, GeoLevel.NATIONAL, GeoLevel.NATION);
        if (nation.isEmpty()) {
            html.append("<p class=\"empty\">Aucun avis n'a été recueilli sur cette période.</p>\n");
            return;
        }
        html.append("<h2>France entière</h2>\n<p>Tous les avis du service, tous lieux confondus.</p>\n")
                .append(IndicatorCards.render(nation.get(), 3));
        PublicResults.Results all = results.of(service, level);
        String noun = level == null ? "lieu" : switch (level) {
            case COMMUNE -> "commune";
            case DEPARTEMENT -> "département";
            case REGION -> "région";
            case NATIONAL -> "pays";
        };
        if (level != GeoLevel.NATIONAL && !all.groups().isEmpty()) {
            List<BarChart.Bar> bars = new ArrayList<>();
            List<ScoreTable.Row> rows = new ArrayList<>();
            for (Indicators group : all.groups()) {
                String name = all.names().get(group.location());
                bars.add(new BarChart.Bar(name, group.satisfaction().score(), group.satisfaction().level()));
                rows.add(new ScoreTable.Row(name, group.location(),
                        level == null ? null : ResultsRequest.href(service.id(), level, group.location()),
                        group.answers(), group.satisfaction().score(), group.satisfaction().level()));
            }
            html.append("<h2>Satisfaction par ").append(noun).append("</h2>\n<figure>\n")
                    .append(BarChart.svg("chart", "Satisfaction des usagers par " + noun + ", sur 10", bars))
                    .append("\n<figcaption>Note de satisfaction sur 10 par ").append(noun)
                    .append(" ; le tableau ci-dessous donne les mêmes valeurs.</figcaption>\n</figure>\n")
                    .append(ScoreTable.render("Satisfaction des usagers par " + noun + ", du " + date(all.period().from())
                            + " au " + date(all.period().to()), capitalised(noun), "Note sur 10", rows));
        } else if (level != GeoLevel.NATIONAL) {
            html.append("<p class=\"empty\">Aucun avis n'a été donné depuis une commune sur cette période.</p>\n");
        }
        trend(html, service, GeoLevel.NATIONAL, GeoLevel.NATION, "France entière");
    }

    /** One place: its cards, its trend, and the places holding it. */
    private void place(StringBuilder html, Service service, GeoLevel level, String code) {
        List<PlaceNames.Place> lineage = names.lineage(level, code);
        PlaceNames.Place place = lineage.get(0);
        html.append("<h2 id=\"lieu\">").append(escape(place.name())).append("</h2>\n<p class=\"context\">")
                .append(escape(context(lineage))).append("</p>\n");
        Optional<Indicators> group = results.place(service, level, code);
        if (group.isEmpty()) {
            html.append("<p class=\"empty\">Aucun avis n'a été recueilli pour ").append(escape(place.name()))
                    .append(" sur les ").append(Indicators.WINDOW_MONTHS).append(" derniers mois.</p>\n");
        } else {
            html.append(IndicatorCards.render(group.get(), 3));
            trend(html, service, level, code, place.name());
        }
        if (lineage.size() > 1) {
            List<ScoreTable.Row> rows = new ArrayList<>();
            for (PlaceNames.Place p : lineage) {
                Optional<Indicators> g = p == place ? group : results.place(service, p.level(), p.code());
                long answers = g.map(Indicators::answers).orElse(0L);
                rows.add(new ScoreTable.Row(p.name(), p.level() == GeoLevel.NATIONAL ? null : p.code(),
                        p == place ? null : ResultsRequest.href(service.id(), p.level(), p.code()), answers,
                        g.map(i -> i.satisfaction().score()).orElse(null),
                        g.map(i -> i.satisfaction().level()).orElse(Level.AVIS_INSUFFISANTS)));
            }
            html.append("<h2>").append(escape(place.name())).append(" et les territoires dont ")
                    .append(level == GeoLevel.REGION ? "elle" : "il").append(" fait partie</h2>\n")
                    .append(ScoreTable.render("Satisfaction sur les " + Indicators.WINDOW_MONTHS + " derniers mois : " + place.name() + ", "
                            + lineage.subList(1, lineage.size()).stream().map(PlaceNames.Place::name).reduce((a, b) -> a + ", " + b).orElse(""),
                            "Territoire", "Note sur 10", rows));
        }
    }

    /** "Commune · Val-de-Marne (94) · Île-de-France". */
    private static String context(List<PlaceNames.Place> lineage) {
        StringBuilder text = new StringBuilder(lineage.get(0).level().label());
        if (lineage.get(0).level() != GeoLevel.NATIONAL) text.append(" ").append(lineage.get(0).code());
        for (PlaceNames.Place p : lineage.subList(1, lineage.size())) {
            if (p.level() == GeoLevel.NATIONAL) break;
            text.append(" · ").append(p.name());
            if (p.level() == GeoLevel.DEPARTEMENT) text.append(" (").append(p.code()).append(')');
        }
        return text.toString();
    }

    /** The place's last 12 calendar months as bars and as a table; nothing when nobody answered. */
    private void trend(StringBuilder html, Service service, GeoLevel level, String code, String name) {
        List<PublicResults.Month> months = results.trend(service, level, code);
        if (months.stream().allMatch(m -> m.indicators().answers() == 0)) return;
        List<BarChart.Bar> bars = new ArrayList<>();
        List<ScoreTable.Row> rows = new ArrayList<>();
        YearMonth running = YearMonth.from(results.today());
        for (PublicResults.Month month : months) {
            String label = MONTH.format(month.month()) + (month.month().equals(running) ? " (en cours)" : "");
            Indicators g = month.indicators();
            bars.add(new BarChart.Bar(label, g.satisfaction().score(), g.satisfaction().level()));
            rows.add(new ScoreTable.Row(label, null, null, g.answers(), g.satisfaction().score(), g.satisfaction().level()));
        }
        html.append("<h2>Mois par mois : ").append(escape(name)).append("</h2>\n")
                .append("<p>Chaque mois compte à part : un mois de moins de ").append(Indicators.MIN_ANSWERS)
                .append(" avis ne montre pas de note.</p>\n");
        // a chart of nothing but "Nombre d'avis insuffisant" says less than the table alone
        if (bars.stream().anyMatch(bar -> bar.score() != null)) {
            html.append("<figure>\n").append(BarChart.svg("trend", "Satisfaction mois par mois, " + name + ", sur 10", bars))
                    .append("\n<figcaption>Note de satisfaction sur 10, mois par mois ; le tableau ci-dessous donne les mêmes valeurs.</figcaption>\n</figure>\n");
        }
        html.append(ScoreTable.render("Satisfaction mois par mois : " + name, "Mois", "Note sur 10", rows));
    }

    private static void openData(StringBuilder html, Service service) {
        html.append("<h2>Données ouvertes</h2>\n<p>Ces indicateurs sont publiés mois par mois, par commune, département, région et pour la France, ")
                .append("au format du schéma de données « impact-service-public-numerique » (Etalab), pour les seuls groupes d'au moins " + Indicators.MIN_ANSWERS + " avis : ")
                .append("<a href=\"/api/v1/public/opendata.csv?service=").append(escape(service.id()))
                .append("\" download>télécharger le fichier CSV</a>, sous <a href=\"").append(LICENCE)
                .append("\">Licence Ouverte 2.0 (Etalab)</a>.</p>\n");
    }

    private void howToRead(StringBuilder html) {
        Geography.Source source = names.geography().source();
        html.append("""
                <h2>Comment lire ces résultats</h2>
                <p>La note de satisfaction est la moyenne des réponses à la question « De façon générale, comment ça s'est passé ? » :
                « Très bien » vaut 10, « Moyen » 5 et « Pas bien » 0.</p>
                <ul>
                <li>Très bien : note supérieure ou égale à %1$d ;</li>
                <li>Insuffisant : note de %2$d à moins de %1$d ;</li>
                <li>Critique : note inférieure à %2$d.</li>
                </ul>
                <p>Les quatre autres indicateurs sont notés sur 10 (la part d'usagers qui ont réussi à joindre l'administration, en pourcentage)
                et reçoivent les mêmes niveaux.</p>
                <p>En dessous de %3$d avis sur les %4$d derniers mois, aucune note n'est publiée : « Nombre d'avis insuffisant ».
                La règle vaut pour chaque commune, chaque département, chaque région, la France et chaque mois.</p>
                """.formatted(Level.TRES_BIEN_FROM, Level.INSUFFISANT_FROM, Indicators.MIN_ANSWERS, Indicators.WINDOW_MONTHS))
                .append("<p>Les avis d'une commune comptent pour son département, sa région et la France ; ceux d'un arrondissement ")
                .append("ou d'une commune déléguée, pour leur commune. Noms des lieux : Code officiel géographique de l'Insee, millésime ")
                .append(escape(source.millesime())).append(".</p>\n");
    }

    static String notFoundMain() {
        return """
                <h1>Page introuvable</h1>
                <p>Il n'y a pas de résultats publics à cette adresse : le service n'existe pas ou ne publie pas ses résultats.</p>
                """;
    }

    static String badRequestMain(List<String> errors) {
        StringBuilder html = new StringBuilder("<h1>Adresse incorrecte</h1>\n<ul>\n");
        for (String error : errors) html.append("<li>").append(escape(error)).append("</li>\n");
        return html.append("</ul>\n").toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String date(LocalDate day) {
        return DATE.format(day);
    }
}
