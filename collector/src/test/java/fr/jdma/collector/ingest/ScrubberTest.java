package fr.jdma.collector.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scrubber on its own, one row per rule of personal data (comments and page paths); the corpus
 * (ScrubberCorpusTest) measures names and insults, the HTTP tests show what is stored.
 */
class ScrubberTest {

    final Scrubber scrubber = new Scrubber();

    @ParameterizedTest(name = "{0} -> {1} [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            Écrivez-moi à jean.dupont@exemple.fr svp   | Écrivez-moi à [e-mail] svp     | email
            Appelez le 06 12 34 56 78                  | Appelez le [téléphone]         | phone
            Appelez le +33 6 12 34 56 78               | Appelez le [téléphone]         | phone
            Mon IBAN FR76 3000 6000 0112 3456 7890 189 | Mon IBAN [iban]                | iban
            Dossier 1234567 en attente                 | Dossier [numéro] en attente    | number
            Sécu 1 85 05 78 006 084 36                 | Sécu [numéro]                  | number
            Tout s'est bien passé                      | Tout s'est bien passé          | ''
            """)
    void personal_data_in_a_comment_is_replaced_and_flagged(String comment, String stored, String flag) {
        Set<String> flags = new LinkedHashSet<>();

        assertThat(scrubber.scrubComment(comment, flags)).isEqualTo(stored);
        if (flag.isEmpty()) assertThat(flags).isEmpty();
        else assertThat(flags).contains(flag);
    }

    @Test
    void every_kind_in_one_comment_is_masked_whatever_its_order() {
        // each rule searches only a text holding its mark (a digit, the '@'): what an earlier rule put in its place must not hide the rest
        Set<String> flags = new LinkedHashSet<>();

        assertThat(scrubber.scrubComment("Dossier 1234567, appelez le 06 12 34 56 78 ou écrivez à marie.curie@exemple.fr", flags))
                .isEqualTo("Dossier [numéro], appelez le [téléphone] ou écrivez à [e-mail]");
        assertThat(flags).contains("email", "phone", "number");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://caf.fr/dossiers/1234567/fin        | https://caf.fr/dossiers/[number]/fin | true
            https://caf.fr/u/jean.dupont@exemple.fr    | https://caf.fr/u/[email]             | true
            https://caf.fr/mes-demarches/fin           | https://caf.fr/mes-demarches/fin     | false
            """)
    void personal_data_in_a_page_path_is_masked(String page, String stored, boolean flagged) {
        Set<String> flags = new LinkedHashSet<>();

        assertThat(scrubber.scrubPage(page, flags)).isEqualTo(stored);
        assertThat(flags.contains("page_scrubbed")).isEqualTo(flagged);
    }
}
