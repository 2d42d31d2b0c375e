package fr.jdma.collector.form;

import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.form.FormQuestions.Choice;
import fr.jdma.collector.ingest.RatingParser;
import fr.jdma.collector.web.Components;
import fr.jdma.collector.web.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.jdma.collector.web.Html.escape;

/** The hosted form, its thank-you page and its not-found page, as plain accessible HTML. */
final class FormPage {

    /** What the citizen sent, to show the form again after an error. */
    record Answers(String id, String location, String source, String page, String satisfaction, String clarity,
                   List<String> help, String helpReached, String helpQuality, String comment) {
        static Answers empty(String id, String location, String source, String page) {
            return new Answers(id, location, source, page, null, null, List.of(), null, null, null);
        }
    }

    private static final String ANONYMOUS = "Service anonyme : aucun cookie, aucune adresse IP conservée.";

    private FormPage() {
    }

    /** The honeypot: off screen, out of the tab order, and telling screen-reader users to leave it empty. */
    private static final String HONEYPOT = "<div class=\"hp\"><label for=\"hp\">Ne remplissez pas ce champ : il sert à écarter"
            + " les envois automatiques.</label><input type=\"text\" id=\"hp\" name=\"hp\" value=\"\" tabindex=\"-1\""
            + " autocomplete=\"off\"></div>";

    /** {@code stamp}: when the questions were first shown ({@link FormTiming}), carried by the form. */
    static Page form(Service service, Answers answers, Map<String, String> errors, String stamp) {
        Set<String> hidden = Set.copyOf(service.hiddenQuestions());
        StringBuilder html = new StringBuilder(8192);
        html.append("<h1>Je donne mon avis</h1>")
                .append("<p class=\"service\">").append(escape(service.name()))
                .append(service.organisation().isEmpty() ? "" : " – " + escape(service.organisation())).append("</p>")
                .append("<p class=\"hint\">Seule la première question est obligatoire. Les champs obligatoires sont marqués d'un astérisque (*).</p>");
        if (!errors.isEmpty()) {
            Map<String, String> summary = new LinkedHashMap<>();
            errors.forEach((field, message) -> summary.put(field, FormQuestions.label(field) + " : " + message));
            html.append(Components.errorSummary("Votre avis n'a pas pu être envoyé", summary));
        }
        html.append("<form method=\"post\" action=\"/avis/").append(escape(service.id())).append("\" novalidate>")
                .append(hiddenInput("id", answers.id()))
                .append(hiddenInput("location", answers.location()))
                .append(hiddenInput("source", answers.source()))
                .append(hiddenInput("page", answers.page()))
                .append(hiddenInput(FormTiming.FIELD, stamp))
                .append(HONEYPOT);
        radios(html, "satisfaction", FormQuestions.SATISFACTION + " *", null, FormQuestions.SATISFACTION_CHOICES,
                answers.satisfaction(), errors, true);
        if (!hidden.contains("clarity")) {
            radios(html, "clarity", FormQuestions.CLARITY, null, FormQuestions.CLARITY_CHOICES, answers.clarity(), errors, false);
        }
        if (!hidden.contains("help")) {
            checkboxes(html, answers.help(), errors);
            radios(html, "helpReached", FormQuestions.HELP_REACHED, FormQuestions.ONLY_IF_ADMINISTRATION,
                    FormQuestions.HELP_REACHED_CHOICES, answers.helpReached(), errors, false);
            radios(html, "helpQuality", FormQuestions.HELP_QUALITY, FormQuestions.ONLY_IF_ADMINISTRATION,
                    FormQuestions.HELP_QUALITY_CHOICES, answers.helpQuality(), errors, false);
        }
        if (!hidden.contains("comment")) {
            html.append("<div class=\"group").append(errors.containsKey("comment") ? " has-error" : "").append("\">")
                    .append("<label for=\"comment\" class=\"question\">").append(escape(FormQuestions.COMMENT)).append("</label>")
                    .append("<p class=\"hint\" id=\"comment-notice\">").append(escape(FormQuestions.COMMENT_NOTICE)).append("</p>")
                    .append(error("comment", errors))
                    .append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"").append(RatingParser.MAX_COMMENT)
                    .append("\" aria-describedby=\"comment-notice").append(errors.containsKey("comment") ? " comment-error" : "")
                    .append("\">").append(escape(answers.comment())).append("</textarea></div>");
        }
        html.append("<button type=\"submit\" class=\"send\">Envoyer mon avis</button></form>");
        return shell((errors.isEmpty() ? "" : "Erreur – ") + service.name(), html);
    }

    static Page thanks(Service service) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>Merci !</h1>")
                .append("<p role=\"status\">Votre avis sur « ").append(escape(service.name()))
                .append(" » a bien été enregistré. Il nous aidera à améliorer ce service.</p>")
                .append("<p>Vous pouvez fermer cette page.</p>");
        return shell("Merci – " + service.name(), html);
    }

    static Page message(String title, String text) {
        return Page.message(title, text).footerNote(ANONYMOUS);
    }

    private static void radios(StringBuilder html, String name, String legend, String hint, List<Choice> choices,
                               String checked, Map<String, String> errors, boolean required) {
        boolean hasError = errors.containsKey(name);
        html.append("<fieldset id=\"").append(name).append("\" class=\"group").append(hasError ? " has-error" : "").append("\"")
                .append(describedBy(name, hint != null, hasError)).append(">")
                .append("<legend class=\"question\">").append(escape(legend)).append("</legend>");
        if (hint != null) html.append("<p class=\"hint\" id=\"").append(name).append("-hint\">").append(escape(hint)).append("</p>");
        html.append(error(name, errors)).append("<div class=\"choices\">");
        for (Choice choice : choices) {
            String id = name + "-" + choice.value();
            html.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"").append(name)
                    .append("\" value=\"").append(choice.value()).append("\"")
                    .append(choice.value().equals(checked) ? " checked" : "")
                    .append(required ? " required" : "").append("><label for=\"").append(id).append("\">")
                    .append(escape(choice.label())).append("</label></div>");
        }
        html.append("</div></fieldset>");
    }

    private static void checkboxes(StringBuilder html, List<String> checked, Map<String, String> errors) {
        boolean hasError = errors.containsKey("help");
        html.append("<fieldset id=\"help\" class=\"group").append(hasError ? " has-error" : "").append("\"")
                .append(describedBy("help", true, hasError)).append(">")
                .append("<legend class=\"question\">").append(escape(FormQuestions.HELP)).append("</legend>")
                .append("<p class=\"hint\" id=\"help-hint\">").append(escape(FormQuestions.HELP_HINT)).append("</p>")
                .append(error("help", errors)).append("<div class=\"choices\">");
        for (Choice choice : FormQuestions.HELP_CHOICES) {
            String id = "help-" + choice.value();
            html.append("<div class=\"choice\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"help\" value=\"")
                    .append(choice.value()).append("\"").append(checked.contains(choice.value()) ? " checked" : "")
                    .append("><label for=\"").append(id).append("\">").append(escape(choice.label())).append("</label></div>");
        }
        html.append("</div></fieldset>");
    }

    private static String describedBy(String name, boolean hint, boolean error) {
        if (!hint && !error) return "";
        return " aria-describedby=\"" + (hint ? name + "-hint" : "") + (hint && error ? " " : "") + (error ? name + "-error" : "") + "\"";
    }

    private static String error(String name, Map<String, String> errors) {
        String message = errors.get(name);
        return message == null ? "" : "<p class=\"error\" id=\"" + name + "-error\">Erreur : " + escape(message) + "</p>";
    }

    private static String hiddenInput(String name, String value) {
        return value == null || value.isEmpty() ? ""
                : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static Page shell(String title, StringBuilder main) {
        return Page.titled(title).footerNote(ANONYMOUS).main(main.toString());
    }
}
