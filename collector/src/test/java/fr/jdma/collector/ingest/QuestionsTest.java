package fr.jdma.collector.ingest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** contract/questions.json, the one source of the questions (the widget's build imports it too), tested as data. */
class QuestionsTest {

    private final Questions questions = Questions.OFFICIAL;

    @Test
    void the_answer_values_are_the_wire_values_of_a_rating() {
        assertThat(questions.values().satisfaction())
                .containsExactlyElementsOf(Arrays.stream(Rating.Satisfaction.values()).map(Rating.Satisfaction::wire).toList());
        assertThat(questions.values().help())
                .containsExactlyElementsOf(Arrays.stream(Rating.Help.values()).map(Rating.Help::wire).toList());
        assertThat(questions.values().administrationChannels()).containsExactlyElementsOf(Arrays.stream(Rating.Help.values())
                .filter(Rating.Help::isAdministrationChannel).map(Rating.Help::wire).toList());
    }

    @Test
    void French_and_English_label_every_answer() {
        for (Questions.Texts texts : List.of(questions.fr(), questions.en())) {
            assertThat(texts.satisfactionChoices()).hasSameSizeAs(questions.values().satisfaction());
            assertThat(texts.helpChoices()).hasSameSizeAs(questions.values().help());
            assertThat(texts.helpReachedChoices()).hasSize(2);
            assertThat(texts.clarityEnds()).hasSize(2);
            assertThat(texts.helpQualityEnds()).hasSize(2);
            assertThat(List.of(texts.satisfaction(), texts.clarity(), texts.help(), texts.helpReached(),
                    texts.helpQuality(), texts.comment(), texts.commentNotice())).allMatch(text -> !text.isBlank());
        }
    }

    @Test
    void the_French_labels_are_the_official_wording() {
        assertThat(questions.fr().satisfaction()).isEqualTo("De façon générale, comment ça s'est passé ?");
        assertThat(questions.fr().helpChoices()).startsWith("Guichet", "Téléphone", "E-mail ou chat avec l'administration")
                .endsWith("Je n'ai pas eu besoin d'aide");
    }

    @Test
    void the_hideable_questions_are_the_optional_ones_the_parser_and_catalogue_use() {
        assertThat(questions.hideable()).containsExactly("clarity", "help", "comment");
        assertThat(RatingParser.HIDEABLE).isEqualTo(questions.hideableSet());
    }
}
