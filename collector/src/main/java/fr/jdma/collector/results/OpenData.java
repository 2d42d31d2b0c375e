package fr.jdma.collector.results;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.export.CsvWriter;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsQuery;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A public service's indicators as open data, in the Etalab table schema
 * {@code impact-service-public-numerique} v0.5.0: one row per indicator, place and month, over
 * the 12 last complete months, for the nation and every région, département and commune whose
 * month holds at least {@link Indicators#MIN_ANSWERS} answers. A smaller group has no row at all,
 * not even its count.
 */
public final class OpenData {

    /** The schema's columns, in its order. */
    public static final List<String> COLUMNS = List.of("administration_rattachement", "nom_service_public_numerique",
            "indicateur", "valeur", "unite_mesure", "est_cible", "type_indicateur", "frequence_monitoring", "date",
            "est_periode", "date_debut", "est_automatise", "source_collecte", "denom_insee", "code_insee",
            "dataviz_wish", "commentaires");

    /** The order rows come in: the nation first, then ever smaller places. */
    private static final List<GeoLevel> LEVELS = List.of(GeoLevel.NATIONAL, GeoLevel.REGION, GeoLevel.DEPARTEMENT, GeoLevel.COMMUNE);

    private final Statistics statistics;

    public OpenData(Statistics statistics) {
        this.statistics = statistics;
    }

    /** The 12 calendar months before the current one: complete months only, so a published row never changes. */
    public static Period lastTwelveCompleteMonths(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        return new Period(current.minusMonths(Indicators.WINDOW_MONTHS).atDay(1), current.minusMonths(1).atEndOfMonth());
    }

    public void write(Service service, LocalDate today, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, CsvWriter.Variant.STANDARD);
        csv.row(COLUMNS.toArray(String[]::new));
        Period period = lastTwelveCompleteMonths(today);
        for (GeoLevel level : LEVELS) {
            for (Indicators group : statistics.indicators(new StatsQuery(service.id(), null, period, StatsQuery.Grouping.MONTH, level))) {
                Indicators published = group.published();
                if (published.answers() < Indicators.MIN_ANSWERS) continue;
                YearMonth month = YearMonth.parse(published.period());
                String answers = published.answers() + " avis";
                row(csv, service, level, published.location(), month, "Satisfaction des usagers", published.satisfaction().score(),
                        "note sur 10", "Moyenne sur " + answers + " : Très bien = 10, Moyen = 5, Pas bien = 0. Niveau : "
                                + published.satisfaction().level().label() + ".");
                row(csv, service, level, published.location(), month, "Clarté des informations et des instructions",
                        published.clarity().score(), "note sur 10",
                        "Moyenne sur " + published.clarity().answers() + " réponses (de 1 à 5, ramenées sur 10), parmi " + answers + ".");
                row(csv, service, level, published.location(), month, "Usagers ayant réussi à joindre l'administration",
                        published.helpReached().percent(), "%",
                        "Part de oui parmi " + published.helpReached().answers() + " usagers ayant tenté de la joindre, sur " + answers + ".");
                row(csv, service, level, published.location(), month, "Qualité de l'aide de l'administration",
                        published.helpQuality().score(), "note sur 10",
                        "Moyenne sur " + published.helpQuality().answers() + " réponses (de 1 à 5, ramenées sur 10), parmi " + answers + ".");
                row(csv, service, level, published.location(), month, "Autonomie des usagers", published.autonomy().score(), "note sur 10",
                        "10 fois la part de « Je n'ai pas eu besoin d'aide » parmi " + published.autonomy().answers()
                                + " réponses à la question sur l'aide, sur " + answers + ".");
            }
        }
        csv.flush();
    }

    /** A row, unless nobody answered that question in that group (no value to publish). */
    private static void row(CsvWriter csv, Service service, GeoLevel level, String code, YearMonth month, String indicator,
                            BigDecimal value, String unit, String comment) throws IOException {
        if (value == null) return;
        String administration = service.organisation().isBlank() ? service.name() : service.organisation();
        csv.cell(administration).cell(service.name()).cell(indicator).cell(value.toPlainString()).cell(unit)
                .cell(false).cell("impact").cell("mensuelle").cell(month.atEndOfMonth().toString())
                .cell(true).cell(month.atDay(1).toString()).cell(true).cell("enquête")
                .cell(level.denomInsee()).cell(level == GeoLevel.NATIONAL ? "" : code)
                .cell("linechart").cell(comment)
                .endRow();
    }
}
