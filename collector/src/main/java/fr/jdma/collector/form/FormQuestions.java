package fr.jdma.collector.form;

import fr.jdma.collector.ingest.Questions;

import java.util.ArrayList;
import java.util.List;

/**
 * The official questions as the hosted form shows them: labels from {@code contract/questions.json}
 * (shared with the widget), plus the hints and short field names only this French form needs.
 */
final class FormQuestions {

    record Choice(String value, String label) {
    }

    private static final Questions.Texts FR = Questions.OFFICIAL.fr();
    private static final Questions.Values VALUES = Questions.OFFICIAL.values();

    static final String SATISFACTION = FR.satisfaction();
    static final List<Choice> SATISFACTION_CHOICES = zip(VALUES.satisfaction(), FR.satisfactionChoices());

    static final String CLARITY = FR.clarity();
    static final List<Choice> CLARITY_CHOICES = scale(FR.clarityEnds());

    static final String HELP = FR.help();
    static final String HELP_HINT = "Plusieurs réponses possibles.";
    static final List<Choice> HELP_CHOICES = zip(VALUES.help(), FR.helpChoices());

    static final String HELP_REACHED = FR.helpReached();
    static final String ONLY_IF_ADMINISTRATION = "À remplir seulement si vous avez essayé un guichet, le téléphone, "
            + "un e-mail ou un chat avec l'administration.";
    static final List<Choice> HELP_REACHED_CHOICES = zip(List.of("true", "false"), FR.helpReachedChoices());

    static final String HELP_QUALITY = FR.helpQuality();
    static final List<Choice> HELP_QUALITY_CHOICES = scale(FR.helpQualityEnds());

    static final String COMMENT = FR.comment();
    static final String COMMENT_NOTICE = FR.commentNotice();

    /** How the French form names each field in error messages. */
    static String label(String field) {
        return switch (field) {
            case "satisfaction" -> "Comment ça s'est passé";
            case "clarity" -> "Clarté des informations";
            case "help" -> "Aide";
            case "helpReached" -> "Joindre l'administration";
            case "helpQuality" -> "Qualité de l'aide";
            case "comment" -> "Commentaire";
            default -> field;
        };
    }

    private static List<Choice> zip(List<String> values, List<String> labels) {
        if (values.size() != labels.size()) throw new IllegalStateException("questions.json: " + values + " and " + labels + " differ in length");
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) choices.add(new Choice(values.get(i), labels.get(i)));
        return List.copyOf(choices);
    }

    /** 1 to 5 with both ends labelled: "1 – Pas clair du tout", "2", … "5 – Très clair". */
    private static List<Choice> scale(List<String> ends) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String label = i == 1 ? "1 – " + ends.get(0) : i == 5 ? "5 – " + ends.get(1) : Integer.toString(i);
            choices.add(new Choice(Integer.toString(i), label));
        }
        return List.copyOf(choices);
    }

    private FormQuestions() {
    }
}
