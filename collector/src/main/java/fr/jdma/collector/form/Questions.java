package fr.jdma.collector.form;

import java.util.List;

/** The official "Je donne mon avis" questions, in French, as the hosted form shows them. */
final class Questions {

    record Choice(String value, String label) {
    }

    static final String SATISFACTION = "De façon générale, comment ça s'est passé ?";
    static final List<Choice> SATISFACTION_CHOICES = List.of(
            new Choice("good", "Très bien"), new Choice("average", "Moyen"), new Choice("bad", "Pas bien"));

    static final String CLARITY = "Qu'avez-vous pensé des informations et des instructions fournies ?";
    static final List<Choice> CLARITY_CHOICES = List.of(
            new Choice("1", "1 – Pas clair du tout"), new Choice("2", "2"), new Choice("3", "3"),
            new Choice("4", "4"), new Choice("5", "5 – Très clair"));

    static final String HELP = "Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?";
    static final String HELP_HINT = "Plusieurs réponses possibles.";
    static final List<Choice> HELP_CHOICES = List.of(
            new Choice("counter", "Un guichet"), new Choice("phone", "Le téléphone"),
            new Choice("email", "Un e-mail ou un chat avec l'administration"), new Choice("relative", "Une personne proche"),
            new Choice("association", "Une association"), new Choice("websites", "Des sites internet"),
            new Choice("other", "Autre"), new Choice("none", "Je n'ai pas eu besoin d'aide"));

    static final String HELP_REACHED = "Avez-vous réussi à joindre l'administration ?";
    static final String ONLY_IF_ADMINISTRATION = "À remplir seulement si vous avez essayé un guichet, le téléphone, "
            + "un e-mail ou un chat avec l'administration.";
    static final List<Choice> HELP_REACHED_CHOICES = List.of(new Choice("true", "Oui"), new Choice("false", "Non"));

    static final String HELP_QUALITY = "Comment évaluez-vous la qualité de l'aide ?";
    static final List<Choice> HELP_QUALITY_CHOICES = List.of(
            new Choice("1", "1 – Très mauvaise"), new Choice("2", "2"), new Choice("3", "3"),
            new Choice("4", "4"), new Choice("5", "5 – Excellente"));

    static final String COMMENT = "Souhaitez-vous nous en dire plus ?";
    static final String COMMENT_NOTICE = "Votre réponse est anonyme. Merci de ne pas écrire de données personnelles "
            + "(nom, prénom, numéro de dossier).";

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

    private Questions() {
    }
}
