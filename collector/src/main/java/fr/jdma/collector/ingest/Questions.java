package fr.jdma.collector.ingest;

import fr.jdma.collector.input.JsonMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The official "Je donne mon avis" questions, their answers' wire values and their labels in French
 * and English, read once from {@code contract/questions.json}: the one file the widget's build
 * imports too, so the button and the hosted form cannot drift apart.
 */
public record Questions(List<String> hideable, Values values, Texts fr, Texts en) {

    /** The wire values of the answers, in the order the questions show them. */
    public record Values(List<String> satisfaction, List<String> help, List<String> administrationChannels) {
    }

    /** The labels of one language; "ends" label the two ends of a 1-to-5 scale. */
    public record Texts(String satisfaction, List<String> satisfactionChoices,
                        String clarity, List<String> clarityEnds,
                        String help, List<String> helpChoices,
                        String helpReached, List<String> helpReachedChoices,
                        String helpQuality, List<String> helpQualityEnds,
                        String comment, String commentNotice) {
    }

    public static final Questions OFFICIAL = read("/contract/questions.json");

    /** The optional questions a service may hide, by the name used in the catalogue and in ratings. */
    public Set<String> hideableSet() {
        return Set.copyOf(hideable);
    }

    static Questions read(String resource) {
        try (InputStream in = Questions.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
            return JsonMapping.MAPPER.readValue(in, Questions.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
