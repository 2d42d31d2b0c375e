package fr.jdma.collector.results;

import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/public/opendata.csv: the Etalab schema impact-service-public-numerique v0.5.0, groups of 100 answers or more only. */
class OpenDataTest {

    static final List<String> COLUMNS = List.of("administration_rattachement", "nom_service_public_numerique", "indicateur",
            "valeur", "unite_mesure", "est_cible", "type_indicateur", "frequence_monitoring", "date", "est_periode",
            "date_debut", "est_automatise", "source_collecte", "denom_insee", "code_insee", "dataviz_wish", "commentaires");

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-15T12:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock)
                .withService("caf", "{\"id\":\"caf\",\"name\":\"Aide au logement\",\"organisation\":\"CNAF\",\"public\":true}")
                .withService("prive", "{\"id\":\"prive\",\"name\":\"Privé\",\"organisation\":\"X\",\"public\":false}");
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    /** good/average/bad answers, every one also answering clarity 4, needing no help one time in two. */
    void store(String location, String at, int good, int average, int bad) {
        List<Rating> ratings = new ArrayList<>();
        int[] numbers = {good, average, bad};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < numbers[k]; i++) {
                ratings.add(new Rating(UUID.randomUUID().toString(), Instant.parse(at), "caf", location, "",
                        Rating.Satisfaction.values()[k], 4, i % 2 == 0 ? List.of(Rating.Help.NONE) : List.of(Rating.Help.WEBSITES),
                        null, null, null, Set.of(), null, null));
            }
        }
        new RatingStore(collector.database()).insert(ratings);
    }

    List<CSVRecord> rows() throws IOException {
        HttpResponse<String> response = collector.get("/api/v1/public/opendata.csv?service=caf", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(response.body()))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(COLUMNS);
            return parser.getRecords();
        }
    }

    @Test
    void every_row_follows_the_schema_column_order_types_and_enumerations() throws IOException {
        store("75056", "2026-02-10T10:00:00Z", 80, 20, 10);
        store("2A004", "2026-01-10T10:00:00Z", 70, 10, 20);
        store("2B033", "2026-01-11T10:00:00Z", 30, 10, 10);

        List<CSVRecord> rows = rows();

        assertThat(rows).isNotEmpty();
        Geography geo = Geography.official();
        for (CSVRecord row : rows) {
            assertThat(row.size()).as(row.toString()).isEqualTo(COLUMNS.size());
            assertThat(row.get("administration_rattachement")).isEqualTo("CNAF");
            assertThat(row.get("nom_service_public_numerique")).isEqualTo("Aide au logement");
            assertThat(row.get("indicateur")).isNotBlank();
            assertThat(row.get("valeur")).as(row.toString()).matches("\\d+(\\.\\d+)?");
            assertThat(row.get("unite_mesure")).isIn("note sur 10", "%");
            assertThat(row.get("est_cible")).isEqualTo("false");
            assertThat(row.get("type_indicateur")).isIn("usage", "impact");
            assertThat(row.get("frequence_monitoring")).isIn("quotidienne", "hebdomadaire", "mensuelle", "annuelle",
                    "trimestrielle", "semestrielle", "autre");
            LocalDate date = LocalDate.parse(row.get("date"));
            LocalDate start = LocalDate.parse(row.get("date_debut"));
            assertThat(row.get("date")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(start).isEqualTo(date.withDayOfMonth(1));
            assertThat(date).isEqualTo(date.withDayOfMonth(date.lengthOfMonth()));
            assertThat(row.get("est_periode")).isEqualTo("true");
            assertThat(row.get("est_automatise")).isIn("true", "false");
            assertThat(row.get("source_collecte")).isNotBlank();
            assertThat(row.get("dataviz_wish")).isIn("", "linechart", "barchart", "map", "scatterplot", "piechart");
            String denom = row.get("denom_insee");
            String code = row.get("code_insee");
            assertThat(denom).isIn("COM", "DEP", "REG", "");
            switch (denom) {
                case "COM" -> assertThat(geo.commune(code)).as(code).isPresent();
                case "DEP" -> assertThat(geo.departementName(code)).as(code).isPresent();
                case "REG" -> assertThat(geo.regionName(code)).as(code).isPresent();
                default -> assertThat(code).isEmpty();
            }
        }
    }

    @Test
    void only_places_and_months_with_100_answers_or_more_get_rows_at_every_level() throws IOException {
        store("75056", "2026-02-10T10:00:00Z", 80, 20, 10);   // Paris, February: 110
        store("2A004", "2026-01-10T10:00:00Z", 70, 10, 20);   // Ajaccio, January: 100
        store("2B033", "2026-01-11T10:00:00Z", 30, 10, 9);    // Bastia, January: 49 (Corse: 149)
        store("69123", "2026-02-12T10:00:00Z", 50, 29, 20);   // Lyon, February: 99
        store("13055", "2026-03-02T10:00:00Z", 150, 0, 0);    // Marseille, March: the month is not over
        store("13055", "2025-02-27T10:00:00Z", 150, 0, 0);    // Marseille, 13 months ago

        List<CSVRecord> rows = rows();

        List<String> groups = rows.stream().map(r -> r.get("denom_insee") + ":" + r.get("code_insee") + ":" + r.get("date_debut"))
                .distinct().toList();
        assertThat(groups).containsExactly(
                ":" + ":2026-01-01", ":" + ":2026-02-01",   // France: 149 in January, 209 in February
                "REG:11:2026-02-01", "REG:94:2026-01-01",  // Île-de-France, Corse; not Auvergne-Rhône-Alpes (Lyon's 99)
                "DEP:2A:2026-01-01", "DEP:75:2026-02-01",
                "COM:2A004:2026-01-01", "COM:75056:2026-02-01");
    }

    @Test
    void each_group_has_one_row_per_indicator_with_the_published_value() throws IOException {
        store("75056", "2026-02-10T10:00:00Z", 80, 20, 10);   // (800 + 100) / 110 = 8.2

        List<CSVRecord> paris = rows().stream().filter(r -> r.get("code_insee").equals("75056")).toList();

        assertThat(paris).extracting(r -> r.get("indicateur") + "=" + r.get("valeur") + " " + r.get("unite_mesure"))
                .containsExactly("Satisfaction des usagers=8.2 note sur 10",
                        "Clarté des informations et des instructions=7.5 note sur 10",
                        "Autonomie des usagers=5.0 note sur 10");
        assertThat(paris.get(0).get("commentaires")).contains("110 avis", "Très bien");
        assertThat(paris.get(0).get("date")).isEqualTo("2026-02-28");
    }

    @Test
    void open_data_is_only_for_public_services_and_needs_the_service() {
        assertThat(collector.get("/api/v1/public/opendata.csv?service=prive", null).statusCode()).isEqualTo(404);
        assertThat(collector.get("/api/v1/public/opendata.csv?service=inconnu", null).statusCode()).isEqualTo(404);
        var missing = collector.get("/api/v1/public/opendata.csv", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").get(0).get("field").asText()).isEqualTo("service");
    }

    @Test
    void a_service_without_enough_answers_publishes_the_header_alone() throws IOException {
        store("75056", "2026-02-10T10:00:00Z", 50, 0, 0);

        assertThat(rows()).isEmpty();
    }
}
