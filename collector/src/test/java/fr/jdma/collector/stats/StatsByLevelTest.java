package fr.jdma.collector.stats;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.geo.Geography;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static fr.jdma.collector.support.TestCollector.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The communes' answers summed per commune, département, région and nation, in the analyst and the public stats. */
class StatsByLevelTest {

    /** Every counter of a group as the API shows it (analysts see them all, whatever the size). */
    static final List<String> COUNTERS = List.of("answers", "satisfaction.good", "satisfaction.average", "satisfaction.bad",
            "clarity.answers", "helpReached.answers", "helpQuality.answers", "autonomy.answers");

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-31T12:00:00Z");
    TestCollector collector;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock)
                .withService("caf", "{\"id\":\"caf\",\"name\":\"CAF\",\"organisation\":\"CNAF\",\"public\":true,"
                        + "\"locationNames\":{\"caf-94\":\"CAF du Val-de-Marne\"}}");
        store("75056", "2026-03-01T10:00:00Z", 70);
        store("75115", "2026-02-10T10:00:00Z", 40);  // Paris 15e: counts for Paris
        store("94080", "2026-01-05T10:00:00Z", 30);  // Vincennes, Val-de-Marne, Île-de-France
        store("13055", "2025-12-24T10:00:00Z", 120);
        store("2A004", "2026-03-02T10:00:00Z", 60);  // Ajaccio, Corse-du-Sud
        store("2B033", "2026-03-03T10:00:00Z", 50);  // Bastia, Haute-Corse: Corse has 110
        store("97411", "2025-06-01T10:00:00Z", 101); // Saint-Denis, La Réunion
        store("74093", "2026-03-04T10:00:00Z", 20);  // Cran-Gevrier, commune déléguée of Annecy
        store("74010", "2026-03-04T11:00:00Z", 85);  // Annecy has 105
        store("caf-94", "2026-03-05T10:00:00Z", 200); // no commune: counts for the nation only
        store("", "2026-03-06T10:00:00Z", 10);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    /** n varied ratings: satisfaction, clarity and help answers cycle so every counter moves. */
    void store(String location, String at, int n) {
        Rating.Satisfaction[] kinds = Rating.Satisfaction.values();
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean phone = i % 3 == 0;
            ratings.add(new Rating(UUID.randomUUID().toString(), Instant.parse(at), "caf", location, "",
                    kinds[(i + location.length()) % 3], i % 4 == 0 ? null : 1 + i % 5,
                    phone ? List.of(Rating.Help.PHONE) : i % 3 == 1 ? List.of(Rating.Help.NONE) : List.of(),
                    phone ? i % 2 == 0 : null, phone ? 1 + i % 5 : null, null, Set.of(), null, null));
        }
        new RatingStore(collector.database()).insert(ratings);
    }

    JsonNode analyst(String query) {
        var response = collector.get("/api/v1/stats?service=caf&" + query, TestCollector.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("groups");
    }

    JsonNode publicStats(String query) {
        var response = collector.get("/api/v1/public/stats?service=caf&" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static long counter(JsonNode group, String path) {
        JsonNode node = group;
        for (String part : path.split("\\.")) node = node.get(part);
        return node.asLong();
    }

    static Map<String, Map<String, Long>> byLocation(JsonNode groups) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (JsonNode group : groups) {
            Map<String, Long> values = new TreeMap<>();
            for (String c : COUNTERS) values.put(c, counter(group, c));
            out.put(group.get("location").asText(), values);
        }
        return out;
    }

    static void add(Map<String, Map<String, Long>> sums, String place, Map<String, Long> values) {
        Map<String, Long> sum = sums.computeIfAbsent(place, p -> new TreeMap<>());
        values.forEach((k, v) -> sum.merge(k, v, Long::sum));
    }

    @Test
    void each_level_groups_the_communes_under_their_place() {
        assertThat(analyst("level=commune").findValuesAsText("location"))
                .containsExactly("13055", "2A004", "2B033", "74010", "75056", "94080", "97411");
        assertThat(analyst("level=departement").findValuesAsText("location")).containsExactly("13", "2A", "2B", "74", "75", "94", "974");
        assertThat(analyst("level=region").findValuesAsText("location")).containsExactly("04", "11", "84", "93", "94");
        assertThat(analyst("level=national").findValuesAsText("location")).containsExactly("");
        assertThat(analyst("level=commune&location=75056").get(0).get("answers").asLong()).isEqualTo(110);
        assertThat(analyst("level=commune&location=74010").get(0).get("answers").asLong()).isEqualTo(105);
        assertThat(analyst("level=region&location=94").get(0).get("answers").asLong()).isEqualTo(110);
    }

    @Test
    void every_counter_of_a_departement_or_region_is_the_sum_of_its_communes_and_the_nation_is_every_answer() {
        Map<String, Map<String, Long>> communes = byLocation(analyst("level=commune"));
        Geography geo = Geography.official();
        for (GeoLevel level : List.of(GeoLevel.DEPARTEMENT, GeoLevel.REGION)) {
            Map<String, Map<String, Long>> expected = new TreeMap<>();
            communes.forEach((code, values) -> add(expected, geo.placeOf(code, level), values));
            assertThat(byLocation(analyst("level=" + level.word()))).as(level.word()).isEqualTo(expected);
        }
        Map<String, Map<String, Long>> everyLocation = new HashMap<>();
        byLocation(analyst("by=location")).forEach((code, values) -> add(everyLocation, "", values));
        assertThat(byLocation(analyst("level=national"))).isEqualTo(everyLocation);
        assertThat(everyLocation.get("").get("answers")).isEqualTo(786);
    }

    @Test
    void levels_combine_with_months_and_the_place_filter() {
        JsonNode groups = analyst("level=region&location=11&by=month");

        assertThat(groups).extracting(g -> g.get("location").asText() + " " + g.get("period").asText() + " " + g.get("answers").asText())
                .containsExactly("11 2026-01 30", "11 2026-02 40", "11 2026-03 70");
    }

    @Test
    void the_100_answer_rule_applies_at_each_level_of_the_public_stats() {
        for (String level : GeoLevel.words()) {
            for (JsonNode group : publicStats("level=" + level).get("groups")) {
                String what = level + " " + group.get("location").asText() + " (" + group.get("answers").asLong() + " answers)";
                JsonNode satisfaction = group.get("satisfaction");
                if (group.get("answers").asLong() < 100) {
                    assertThat(satisfaction.get("level").asText()).as(what).isEqualTo("avis_insuffisants");
                    for (String hidden : List.of("score", "good", "average", "bad")) {
                        assertThat(satisfaction.get(hidden).isNull()).as(what + " " + hidden).isTrue();
                    }
                    for (String indicator : List.of("clarity", "helpQuality", "autonomy")) {
                        assertThat(group.get(indicator).get("score").isNull()).as(what + " " + indicator).isTrue();
                    }
                    assertThat(group.get("helpReached").get("percent").isNull()).as(what).isTrue();
                } else {
                    assertThat(satisfaction.get("score").isNumber()).as(what).isTrue();
                    assertThat(satisfaction.get("level").asText()).as(what).isNotEqualTo("avis_insuffisants");
                }
            }
        }
        // Ajaccio (60) and Bastia (50) publish nothing, their région Corse (110) does
        Map<String, JsonNode> communes = new HashMap<>();
        publicStats("level=commune").get("groups").forEach(g -> communes.put(g.get("location").asText(), g));
        assertThat(communes.get("2A004").get("satisfaction").get("score").isNull()).isTrue();
        assertThat(communes.get("75056").get("satisfaction").get("score").isNumber()).isTrue(); // 70 + 40 in the 15e
        JsonNode corse = publicStats("level=region").get("groups").findParents("location").stream()
                .filter(g -> g.get("location").asText().equals("94")).findFirst().orElseThrow();
        assertThat(corse.get("satisfaction").get("score").isNumber()).isTrue();
    }

    @Test
    void the_public_stats_name_every_place_and_location() {
        assertThat(publicStats("level=region").get("names").toString())
                .isEqualTo("{\"04\":\"La Réunion\",\"11\":\"Île-de-France\",\"84\":\"Auvergne-Rhône-Alpes\","
                        + "\"93\":\"Provence-Alpes-Côte d'Azur\",\"94\":\"Corse\"}");
        assertThat(publicStats("level=national").get("names").toString()).isEqualTo("{\"\":\"France\"}");
        JsonNode names = publicStats("").get("names");
        assertThat(names.get("75115").asText()).isEqualTo("Paris 15e Arrondissement");
        assertThat(names.get("74093").asText()).isEqualTo("Cran-Gevrier");
        assertThat(names.get("2B033").asText()).isEqualTo("Bastia");
        assertThat(names.get("caf-94").asText()).isEqualTo("CAF du Val-de-Marne");
        assertThat(names.get("").asText()).isEqualTo("Ensemble du service");
        assertThat(publicStats("level=departement").get("level").asText()).isEqualTo("departement");
    }

    @Test
    void an_unknown_level_answers_400_naming_it_in_both_apis() {
        var analyst = collector.get("/api/v1/stats?service=caf&level=canton", TestCollector.ADMIN_TOKEN);
        var open = collector.get("/api/v1/public/stats?service=caf&level=canton", null);

        for (var response : List.of(analyst, open)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("level");
        }
    }
}
