package fr.jdma.collector.ingest;

import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.support.Posting;
import fr.jdma.collector.support.TestClock;
import fr.jdma.collector.support.TestCollector;
import fr.jdma.collector.support.TestDatabases;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the database from a comment posted over HTTP: names masked, flags set, original gone. */
class StoredCommentsTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-03-01T10:00:00Z");
    TestCollector collector;
    Posting posting;

    @BeforeEach
    void start() {
        collector = new TestCollector(TestDatabases.h2(dir), c -> c, clock).withService("caf");
        posting = new Posting(collector, clock);
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    Record stored(String id) {
        return collector.database().dsl().selectFrom(Ratings.TABLE).where(Ratings.ID.eq(id)).fetchOne();
    }

    @Test
    void agents_names_are_stored_as_nom_with_the_agent_named_flag_and_the_original_is_nowhere() {
        String id = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "Mme Martin et l'agent Lefebvre m'ont bien reçu, merci à Sophie"));

        assertThat(stored(id).get(Ratings.COMMENT)).isEqualTo("Mme [nom] et l'agent [nom] m'ont bien reçu, merci à [nom]");
        assertThat(stored(id).get(Ratings.FLAGS)).isEqualTo("agent_named");
        assertThat(collector.database().dsl().fetchCount(Ratings.TABLE, Ratings.COMMENT.contains("Lefebvre"))).isZero();
    }

    @Test
    void places_institutions_and_civilities_without_a_name_are_stored_as_written() {
        String text = "Merci Madame, Monsieur. Paris Habitat m'a envoyé à l'hôpital Saint-Louis, rue Victor Hugo.";
        String id = posting.post("2026-03-01T10:00:00Z", Map.of("comment", text));

        assertThat(stored(id).get(Ratings.COMMENT)).isEqualTo(text);
        assertThat(stored(id).get(Ratings.FLAGS)).isNull();
    }

    @Test
    void disguised_insults_are_flagged_and_innocent_look_alikes_are_not() {
        String insult = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "c.o.n.n.a.r.d et m3rde"));
        String innocent = posting.post("2026-03-01T10:01:00Z", Map.of("comment", "Nul besoin de se déplacer : confiance, connexion, conseiller à Condom"));

        assertThat(stored(insult).get(Ratings.FLAGS)).isEqualTo("insult");
        assertThat(stored(innocent).get(Ratings.FLAGS)).isNull();
    }

    @Test
    void acronyms_in_capitals_do_not_make_a_comment_capitals_but_shouting_does() {
        String acronyms = posting.post("2026-03-01T10:00:00Z", Map.of("comment", "CAF MSA APL CERFA : tout est OK"));
        String shouting = posting.post("2026-03-01T10:01:00Z", Map.of("comment", "RIEN NE FONCTIONNE SUR CE SITE"));

        assertThat(stored(acronyms).get(Ratings.FLAGS)).isNull();
        assertThat(stored(shouting).get(Ratings.FLAGS)).isEqualTo("capitals");
    }
}
