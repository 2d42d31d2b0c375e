package fr.jdma.collector.geo;

import fr.jdma.collector.geo.Geography.Commune;
import fr.jdma.collector.geo.Geography.Kind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The COG table the build ships in the jar, read as data. */
class GeographyTest {

    final Geography geo = Geography.official();

    @Test
    void the_table_names_its_source_package_version_and_millesime() {
        assertThat(geo.source().origin()).isEqualTo("@etalab/decoupage-administratif");
        assertThat(geo.source().version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(geo.source().millesime()).matches("20\\d\\d");
    }

    @Test
    void a_commune_code_resolves_to_its_name_departement_and_region() {
        assertThat(geo.commune("75056")).hasValue(new Commune("75056", "Paris", Kind.COMMUNE, "75056", "Paris", "75", "11"));
        assertThat(geo.commune("13055").orElseThrow().region()).isEqualTo("93");
        assertThat(geo.departementName("13")).hasValue("Bouches-du-Rhône");
        assertThat(geo.regionName("93")).hasValue("Provence-Alpes-Côte d'Azur");
    }

    @Test
    void corsica_has_two_departements_2A_and_2B_in_one_region() {
        Commune ajaccio = geo.commune("2A004").orElseThrow();
        Commune bastia = geo.commune("2B033").orElseThrow();
        assertThat(ajaccio.name()).isEqualTo("Ajaccio");
        assertThat(ajaccio.departement()).isEqualTo("2A");
        assertThat(bastia.name()).isEqualTo("Bastia");
        assertThat(bastia.departement()).isEqualTo("2B");
        assertThat(geo.departementName("2A")).hasValue("Corse-du-Sud");
        assertThat(geo.departementName("2B")).hasValue("Haute-Corse");
        assertThat(List.of(ajaccio.region(), bastia.region())).containsOnly("94");
        assertThat(geo.regionName("94")).hasValue("Corse");
        // the code Ajaccio had before Corsica was split (1976) still leads to it
        assertThat(geo.commune("20004").orElseThrow().communeCode()).isEqualTo("2A004");
        assertThat(geo.commune("2a004")).isEmpty();
    }

    @Test
    void overseas_communes_belong_to_their_departement_and_region() {
        Commune saintDenis = geo.commune("97411").orElseThrow();
        assertThat(saintDenis.name()).isEqualTo("Saint-Denis");
        assertThat(saintDenis.departement()).isEqualTo("974");
        assertThat(geo.departementName("974")).hasValue("La Réunion");
        assertThat(geo.regionName(saintDenis.region())).hasValue("La Réunion");
        Commune mamoudzou = geo.commune("97611").orElseThrow();
        assertThat(geo.departementName(mamoudzou.departement())).hasValue("Mayotte");
        assertThat(geo.placeOf("97209", GeoLevel.REGION)).isEqualTo("02");
        assertThat(geo.regionName("02")).hasValue("Martinique");
    }

    @Test
    void a_commune_deleguee_of_a_commune_nouvelle_keeps_its_name_and_counts_for_the_commune_nouvelle() {
        Commune cranGevrier = geo.commune("74093").orElseThrow();
        assertThat(cranGevrier.name()).isEqualTo("Cran-Gevrier");
        assertThat(cranGevrier.kind()).isEqualTo(Kind.DELEGUEE);
        assertThat(cranGevrier.communeCode()).isEqualTo("74010");
        assertThat(cranGevrier.communeName()).isEqualTo("Annecy");
        assertThat(geo.placeOf("74093", GeoLevel.COMMUNE)).isEqualTo("74010");
        // the commune nouvelle's own code is the current commune, not its commune déléguée of the same code
        assertThat(geo.commune("74010").orElseThrow().kind()).isEqualTo(Kind.COMMUNE);
    }

    @Test
    void an_arrondissement_municipal_counts_for_its_commune() {
        Commune paris15 = geo.commune("75115").orElseThrow();
        assertThat(paris15.name()).isEqualTo("Paris 15e Arrondissement");
        assertThat(paris15.kind()).isEqualTo(Kind.ARRONDISSEMENT);
        assertThat(geo.placeOf("75115", GeoLevel.COMMUNE)).isEqualTo("75056");
        assertThat(geo.placeOf("13201", GeoLevel.COMMUNE)).isEqualTo("13055");
        assertThat(geo.placeOf("69381", GeoLevel.DEPARTEMENT)).isEqualTo("69");
    }

    @Test
    void each_level_names_the_place_holding_a_location() {
        assertThat(geo.placeOf("2B033", GeoLevel.COMMUNE)).isEqualTo("2B033");
        assertThat(geo.placeOf("2B033", GeoLevel.DEPARTEMENT)).isEqualTo("2B");
        assertThat(geo.placeOf("2B033", GeoLevel.REGION)).isEqualTo("94");
        assertThat(geo.placeOf("2B033", GeoLevel.NATIONAL)).isEqualTo("");
        assertThat(geo.placeName(GeoLevel.DEPARTEMENT, "2B")).hasValue("Haute-Corse");
        assertThat(geo.placeName(GeoLevel.NATIONAL, "")).hasValue("France");
    }

    @Test
    void codes_that_are_no_commune_resolve_to_nothing_and_count_only_for_the_nation() {
        for (String code : List.of("caf-94", "99999", "75", "", "750560")) {
            assertThat(geo.commune(code)).as(code).isEmpty();
            assertThat(geo.placeOf(code, GeoLevel.DEPARTEMENT)).as(code).isNull();
            assertThat(geo.placeOf(code, GeoLevel.NATIONAL)).as(code).isEqualTo("");
        }
        assertThat(geo.commune(null)).isEmpty();
    }

    @Test
    void a_postal_code_finds_its_communes() {
        assertThat(geo.search("75015", 10)).extracting(Commune::communeCode).containsExactly("75056");
        assertThat(geo.search("20000", 10)).extracting(Commune::communeCode).containsExactly("2A004");
        assertThat(geo.search(" 97400 ", 10)).extracting(Commune::communeName).contains("Saint-Denis");
    }

    @Test
    void a_name_is_found_without_accents_case_or_hyphens_exact_names_first() {
        assertThat(geo.search("marseille", 10).get(0).communeCode()).isEqualTo("13055");
        assertThat(geo.search("ST ETIENNE", 10).get(0).communeName()).isEqualTo("Saint-Étienne");
        assertThat(geo.search("Saint Denis", 10)).extracting(Commune::communeCode).contains("97411", "93066");
        assertThat(geo.search("ile de sein", 5).get(0).communeName()).isEqualTo("Île-de-Sein");
        assertThat(geo.search("saint-denis", 3)).hasSize(3);
    }

    @Test
    void a_commune_deleguee_is_found_by_its_own_name_and_leads_to_its_commune() {
        Commune found = geo.search("Cran-Gevrier", 5).get(0);
        assertThat(found.name()).isEqualTo("Cran-Gevrier");
        assertThat(found.communeCode()).isEqualTo("74010");
    }

    @Test
    void an_INSEE_code_typed_in_the_search_finds_its_commune_and_nonsense_finds_nothing() {
        assertThat(geo.search("2b033", 5)).extracting(Commune::communeCode).containsExactly("2B033");
        assertThat(geo.search("zzqx", 5)).isEmpty();
        assertThat(geo.search("  -- ", 5)).isEmpty();
        assertThat(geo.search(null, 5)).isEmpty();
    }

    @Test
    void the_search_normalises_accents_ligatures_and_abbreviations() {
        assertThat(Search.normalise("Saint-Étienne-du-Rouvray")).isEqualTo("saint etienne du rouvray");
        assertThat(Search.normalise("st  etienne du rouvray")).isEqualTo("saint etienne du rouvray");
        assertThat(Search.normalise("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(Search.normalise("Œuilly")).isEqualTo("oeuilly");
    }

    @Test
    void a_damaged_table_is_refused_with_what_is_wrong() throws IOException {
        byte[] table;
        try (InputStream in = new GZIPInputStream(Geography.class.getResourceAsStream("/geo/cog.bin.gz"))) {
            table = in.readAllBytes();
        }
        assertThat(Geography.read(gzip(table)).commune("75056")).isPresent();
        assertThatThrownBy(() -> Geography.read(gzip(Arrays.copyOf(table, table.length / 2))))
                .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> Geography.read(gzip(Arrays.copyOf(table, table.length + 3))))
                .isInstanceOf(IOException.class).hasMessageContaining("3 bytes after the end");
        byte[] otherVersion = table.clone();
        otherVersion[7] = '2';
        assertThatThrownBy(() -> Geography.read(gzip(otherVersion)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a geography table of this version");
    }

    private static InputStream gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(bytes);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
