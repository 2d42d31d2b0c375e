package fr.jdma.collector.backoffice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceParser;
import fr.jdma.collector.input.FieldError;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.jdma.collector.web.Html.escape;

/**
 * A service's settings as a plain HTML form: what it shows, how it is read back into the admin
 * API's JSON (so {@link ServiceParser} stays the one judge of a valid service), and the French
 * message shown beside each field it refuses.
 */
final class ServiceForm {

    /** The optional questions a service may hide, with their French names, in the form's order. */
    static final Map<String, String> HIDEABLE = linked("clarity", "Clarté des informations (question 2)",
            "help", "Aide obtenue (question 3)", "comment", "Commentaire libre (question 4)");

    /** What the form holds: as typed, so a refused form comes back as the person left it. */
    record Values(String id, String name, String organisation, String origins, boolean isPublic, Set<String> hidden,
                  boolean enabled) {

        static Values of(Service s) {
            return new Values(s.id(), s.name(), s.organisation(), String.join("\n", s.allowedOrigins()), s.isPublic(),
                    new LinkedHashSet<>(s.hiddenQuestions()), s.enabled());
        }

        static Values empty() {
            return new Values("", "", "", "", false, Set.of(), true);
        }

        static Values read(Context ctx) {
            return new Values(text(ctx, "id"), text(ctx, "name"), text(ctx, "organisation"), text(ctx, "origins"),
                    ctx.formParam("public") != null, new LinkedHashSet<>(ctx.formParams("hidden")), ctx.formParam("enabled") != null);
        }

        List<String> originLines() {
            return Arrays.stream(origins.split("[\\s,]+")).filter(line -> !line.isBlank()).toList();
        }

        /**
         * The admin API's JSON for these values. With {@code identity} false (an owner), only what an
         * owner may change: origins, hidden questions, public flag.
         */
        ObjectNode json(boolean identity) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            // The settings form has no id field: the service's id comes from its path.
            if (!id.isBlank()) json.put("id", id.strip());
            if (identity) {
                json.put("name", name);
                json.put("organisation", organisation);
                json.put("enabled", enabled);
            }
            originLines().forEach(json.putArray("allowedOrigins")::add);
            if (!json.has("allowedOrigins")) json.putArray("allowedOrigins");
            json.put("public", isPublic);
            hidden.forEach(json.putArray("hiddenQuestions")::add);
            if (!json.has("hiddenQuestions")) json.putArray("hiddenQuestions");
            return json;
        }
    }

    private ServiceForm() {
    }

    /** French messages by the id of the field they belong to. */
    static Map<String, String> frenchErrors(List<FieldError> errors, Values values) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            switch (error.field()) {
                case "id" -> messages.put("id", ServiceParser.isReserved(values.id().strip())
                        ? "« " + values.id().strip() + " » est réservé aux pages du back-office : choisissez un autre identifiant."
                        : "Indiquez un identifiant de 1 à 64 caractères parmi A-Z a-z 0-9 . _ - (par exemple caf-logement).");
                case "name" -> messages.put("name", "Indiquez le nom de la démarche (200 caractères au plus).");
                case "organisation" -> messages.put("organisation", "L'organisme tient en 200 caractères au plus.");
                case "allowedOrigins" -> messages.put("origins", originsMessage(values));
                case "hiddenQuestions" -> messages.put("hidden-clarity", "Choisissez parmi les questions proposées.");
                default -> messages.put("name", "Ce réglage n'a pas pu être enregistré : " + error.field() + ".");
            }
        }
        return messages;
    }

    static String duplicate() {
        return "Un service porte déjà cet identifiant : choisissez-en un autre.";
    }

    private static String originsMessage(Values values) {
        List<String> bad = values.originLines().stream().filter(line -> ServiceParser.normaliseOrigin(line) == null).toList();
        String expected = "Une origine par ligne : le protocole et le domaine seulement, comme https://www.exemple.gouv.fr (ou * pour tous les sites).";
        return bad.isEmpty() ? "Trop d'origines. " + expected
                : (bad.size() == 1 ? "« " + bad.get(0) + " » n'est pas une origine. " : "« " + String.join(" », « ", bad) + " » ne sont pas des origines. ")
                + expected;
    }

    /**
     * The fields. {@code creating} adds the identifier; {@code identity} false shows the name,
     * organisation and state without letting them change (an owner's view).
     */
    static String fields(Values v, Map<String, String> errors, boolean creating, boolean identity) {
        StringBuilder html = new StringBuilder();
        if (creating) {
            html.append(input("id", "Identifiant", v.id(), "Utilisé dans le code à coller et dans les exports ; il ne change plus ensuite. Lettres, chiffres, . _ -", errors, true));
        }
        html.append(input("name", "Nom de la démarche", v.name(), "Tel que les usagers le connaissent, par exemple « Demande d'aide au logement ».", errors, identity))
                .append(input("organisation", "Organisme", v.organisation(), "Facultatif, par exemple « CAF ».", errors, identity));
        html.append(group("origins", errors, "<label class=\"question\" for=\"origins\">Sites autorisés à envoyer des avis</label>"
                + hint("origins", "Une origine par ligne, comme https://www.exemple.gouv.fr : le protocole et le domaine, sans chemin. Sans origine, aucun site ne peut encore envoyer d'avis.")
                + error("origins", errors)
                + "<textarea id=\"origins\" name=\"origins\" rows=\"4\" spellcheck=\"false\" aria-describedby=\"origins-hint"
                + (errors.containsKey("origins") ? " origins-error\" aria-invalid=\"true\"" : "\"") + ">" + escape(v.origins()) + "</textarea>"));
        StringBuilder hidden = new StringBuilder("<fieldset class=\"group" + (errors.containsKey("hidden-clarity") ? " has-error" : "")
                + "\" aria-describedby=\"hidden-hint\"><legend class=\"question\">Questions masquées</legend>"
                + hint("hidden", "La première question est toujours posée ; cochez les questions facultatives à ne pas poser.")
                + error("hidden-clarity", errors) + "<div class=\"choices\">");
        HIDEABLE.forEach((code, label) -> hidden.append("<div class=\"choice\"><input type=\"checkbox\" id=\"hidden-").append(code)
                .append("\" name=\"hidden\" value=\"").append(code).append('"').append(v.hidden().contains(code) ? " checked" : "")
                .append("><label for=\"hidden-").append(code).append("\">").append(escape(label)).append("</label></div>"));
        html.append(hidden).append("</div></fieldset>");
        html.append(checkbox("public", "Publier les résultats sur /resultats", v.isPublic(), true,
                "Les résultats des lieux d'au moins 100 avis sur 12 mois sont publiés ; les autres ne montrent aucune note."));
        html.append(checkbox("enabled", "Service actif (accepte les avis)", v.enabled(), identity,
                identity ? "Décoché : les avis sont refusés, les données restent." : "Seul l'administrateur active ou désactive un service."));
        return html.toString();
    }

    private static String input(String id, String label, String value, String hint, Map<String, String> errors, boolean editable) {
        return group(id, errors, "<label class=\"question\" for=\"" + id + "\">" + escape(label) + "</label>" + hint(id, hint)
                + error(id, errors) + "<input id=\"" + id + "\" name=\"" + id + "\" value=\"" + escape(value) + "\""
                + (editable ? "" : " readonly") + " aria-describedby=\"" + id + "-hint"
                + (errors.containsKey(id) ? " " + id + "-error\" aria-invalid=\"true\"" : "\"") + ">");
    }

    private static String checkbox(String id, String label, boolean checked, boolean editable, String hint) {
        return "<div class=\"group\"><div class=\"choice\"><input type=\"checkbox\" id=\"" + id + "\" name=\"" + id + "\" value=\"true\""
                + (checked ? " checked" : "") + (editable ? "" : " disabled") + " aria-describedby=\"" + id + "-hint\"><label for=\""
                + id + "\">" + escape(label) + "</label></div>" + hint(id, hint) + "</div>";
    }

    private static String group(String id, Map<String, String> errors, String inner) {
        return "<div class=\"group" + (errors.containsKey(id) ? " has-error" : "") + "\">" + inner + "</div>";
    }

    private static String hint(String id, String text) {
        return "<p class=\"hint\" id=\"" + id + "-hint\">" + escape(text) + "</p>";
    }

    private static String error(String id, Map<String, String> errors) {
        String message = errors.get(id);
        return message == null ? "" : "<p class=\"error\" id=\"" + id + "-error\">" + escape(message) + "</p>";
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }
}
