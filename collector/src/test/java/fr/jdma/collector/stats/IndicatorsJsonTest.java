package fr.jdma.collector.stats;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import fr.jdma.collector.input.JsonMapping;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators' hand-written JSON is what Jackson's bean serializer writes for the record: the same names, order,
 * numbers and nulls, for computed, published and incomplete groups. A component added, renamed or reordered
 * in the record without the serializer fails here.
 */
class IndicatorsJsonTest {

    /** Takes the hand-written serializer off, so that the mapper falls back to its bean serializer. */
    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class BeanSerialized {
    }

    private static final ObjectMapper BEAN = JsonMapping.MAPPER.copy().addMixIn(Indicators.class, BeanSerialized.class);

    @Test
    void the_comparison_sets_the_hand_written_serializer_against_the_bean_serializer() throws Exception {
        assertThat(JsonMapping.MAPPER.getSerializerProviderInstance().findValueSerializer(Indicators.class))
                .isInstanceOf(Indicators.Json.class);
        assertThat(BEAN.getSerializerProviderInstance().findValueSerializer(Indicators.class))
                .isNotInstanceOf(Indicators.Json.class);
    }

    @Test
    void the_written_json_is_the_bean_serializers_for_every_kind_of_group() throws Exception {
        List<Indicators> groups = new ArrayList<>();
        Random random = new Random(20261207);
        for (int i = 0; i < 500; i++) {
            long good = random.nextInt(i % 3 == 0 ? 5 : 400), average = random.nextInt(200), bad = random.nextInt(200);
            long answers = good + average + bad;
            long clarityAnswers = random.nextInt((int) answers + 1), helpAnswers = random.nextInt((int) answers + 1);
            long reached = random.nextInt((int) helpAnswers + 1), quality = random.nextInt((int) reached + 1);
            Counts counts = IndicatorsTest.counts(answers, good, average, bad, clarityAnswers, 4 * clarityAnswers * i / 500,
                    helpAnswers, random.nextInt((int) helpAnswers + 1), reached, random.nextInt((int) reached + 1),
                    quality, 4 * quality * (500 - i) / 500);
            Indicators group = Indicators.of("caf", "75056", "2025-01-01/2026-12-07", counts);
            groups.add(group);
            groups.add(group.published());
        }
        groups.add(Indicators.of("caf", "caf-94", "2026-03", Counts.ZERO));
        groups.add(Indicators.of("caf", "caf-94", "2026-03", Counts.ZERO).published());
        // "quotes", accents, emoji and control characters in the labels; missing parts
        groups.add(Indicators.of("l'\"accueil\" é 😀", "line\nbreak\t<tab>", null, IndicatorsTest.satisfactionOnly(90, 9, 1)));
        groups.add(new Indicators(null, null, null, 0, null, null, null, null, null));
        groups.add(new Indicators("caf", "", "", 3, new Indicators.Satisfaction(null, null, null, 2L, null),
                new Indicators.Score(null, 0), new Indicators.Percent(null, 0), null, new Indicators.Score(null, 1)));

        for (Indicators group : groups) {
            assertThat(JsonMapping.MAPPER.writeValueAsString(group)).isEqualTo(BEAN.writeValueAsString(group));
        }
        // and inside a list, as the answers send them
        assertThat(JsonMapping.MAPPER.writeValueAsString(groups)).isEqualTo(BEAN.writeValueAsString(groups));
        assertThat(JsonMapping.MAPPER.writeValueAsString(groups.get(0))).startsWith("{\"service\":\"caf\",\"location\":\"75056\"");
    }
}
