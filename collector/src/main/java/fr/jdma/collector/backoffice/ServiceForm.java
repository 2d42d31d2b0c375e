package fr.jdma.collector.backoffice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceParser;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
                  boolean enabled, String locationNames) {

        static Values of(Service s) {
            StringBuilder names = new StringBuilder();
            s.locationNames().forEach((code, name) -> names.append(names.isEmpty() ? "" : "\n").append(code).append(" = ").append(name));
            return new Values(s.id(), s.name(), s.organisation(), String.join("\n", s.allowedOrigins()), s.isPublic(),
                    new LinkedHashSet<>(s.hiddenQuestions()), s.enabled(), names.toString());
        }

        static Values empty() {
            return new Values("", "", "", "", false, Set.of(), true, "");
        }

        /** A form without the location names field (an older page) leaves them as they are: null. */
        static Values read(Context ctx) {
            return new Values(text(ctx, "id"), text(ctx, "name"), text(ctx, "organisation"), text(ctx, "origins"),
                    ctx.formParam("public") != null, new LinkedHashSet<>(ctx.formParams("hidden")), ctx.formParam("enabled") != null,
                    ctx.formParam("locationNames"));
        }

        List<String> originLines() {
            return Arrays.stream(origins.split("[\\s,]+")).filter(line -> !line.isBlank()).toList();
        }

        /** "caf-94 = CAF du Val-de-Marne" per line, blank lines skipped; a line without "=" has an empty name. */
        List<NameLine> nameLines() {
            if (locationNames == null) return List.of();
            List<NameLine> lines = new ArrayList<>();
            String[] texts = locationNames.split("\\R");
            for (int i = 0; i < texts.length; i++) {
                String text = texts[i];
                if (text.isBlank()) continue;
                int equals = text.indexOf('=');
                lines.add(new NameLine(i + 1, text.strip(), (equals < 0 ? text : text.substring(0, equals)).strip(),
                        equals < 0 ? "" : text.substring(equals + 1)));
            }
            return lines;
        }

        /**
         * The admin API's JSON for these values. With {@code identity} false (an owner), only what an
         * owner may change: origins, hidden questions, public flag, location names.
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
            if (locationNames != null) {
                ObjectNode names = json.putObject("locationNames");
                for (NameLine line : nameLines()) {
                    // an object cannot hold a code twice: the form refuses what the JSON could not say
                    if (names.has(line.code())) throw InvalidInputException.of("locationNames", "'" + line.code() + "' is on two lines");
                    names.put(line.code(), line.name());
                }
            }
            return json;
        }
    }

    /** One line of the location names field, numbered as the person sees it. */
    record NameLine(int number, String text, String code, String name) {
    }

    private ServiceForm() {
    }

    /** French messages by the id of the field they belong to. */
    static Map<String, String> frenchErrors(List<FieldError> errors, Values values) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            // "locationNames.caf-94": a name's error belongs to the one field that holds them all
            switch (error.field().startsWith("locationNames.") ? "locationNames" : error.field()) {
                case "id" -> messages.put("id", ServiceParser.isReserved(values.id().strip())
                        ? "« " + values.id().strip() + " » est réservé aux pages du back-office : choisissez un autre identifiant."
                        : "Indiquez un identifiant de 1 à 64 caractères parmi A-Z a-z 0-9 . _ - (par exemple caf-logement).");
                case "name" -> messages.put("name", "Indiquez le nom de la démarche (200 caractères au plus).");
                case "organisation" -> messages.put("organisation", "L'organisme tient en 200 caractères au plus.");
                case "allowedOrigins" -> messages.put("origins", originsMessage(values));
                case "hiddenQuestions" -> messages.put("hidden-clarity", "Choisissez parmi les questions proposées.");
                case "locationNames" -> messages.put("locationNames", locationNamesMessage(values));
                default -> messages.put("name", "Ce réglage n'a pas pu être enregistré : " + error.field() + ".");
            }
        }
        return messages;
    }

    static String duplicate() {
        return "Un service porte déjà cet identifiant : choisissez-en un autre.";
    }

    /** Names each refused line and why, by the same rule the API applies ({@link ServiceParser#locationNameProblem}). */
    private static String locationNamesMessage(Values values) {
        List<NameLine> lines = values.nameLines();
        String expected = "Un lieu par ligne : son code, le signe =, puis son nom, comme « caf-94 = CAF du Val-de-Marne ».";
        if (lines.size() > ServiceParser.MAX_LOCATION_NAMES) {
            return "Trop de lieux : " + ServiceParser.MAX_LOCATION_NAMES + " au plus, " + lines.size() + " indiqués.";
        }
        List<String> bad = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (NameLine line : lines) {
            Integer first = seen.putIfAbsent(line.code(), line.number());
            String why = switch (ServiceParser.locationNameProblem(line.code(), line.name())) {
                case CODE -> line.code().isEmpty() ? "le code manque avant le signe ="
                        : "« " + line.code() + " » n'est pas un code de lieu (1 à 64 caractères parmi A-Z a-z 0-9 . _ -)";
                case EMPTY -> "le nom manque après le signe =";
                case TOO_LONG -> "le nom dépasse " + ServiceParser.MAX_LOCATION_NAME_LENGTH + " caractères";
                case CONTROL -> "le nom contient une tabulation ou un caractère invisible";
                case NONE -> first == null ? null : "le code « " + line.code() + " » figure déjà ligne " + first;
            };
            if (why != null) bad.add("ligne " + line.number() + " (« " + line.text() + " ») : " + why);
        }
        if (bad.isEmpty()) return expected;
        String shown = String.join(" ; ", bad.subList(0, Math.min(5, bad.size())))
                + (bad.size() > 5 ? " ; et " + (bad.size() - 5) + " autres lignes" : "");
        return Character.toUpperCase(shown.charAt(0)) + shown.substring(1) + ". " + expected;
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
        html.append(group("locationNames", errors, "<label class=\"question\" for=\"locationNames\">Noms des lieux</label>"
                + hint("locationNames", "Facultatif. Un lieu par ligne : son code, le signe =, puis son nom, comme « caf-94 = CAF du Val-de-Marne ». "
                        + "Les codes de commune INSEE (75056) portent déjà le nom de la commune.")
                + error("locationNames", errors)
                + "<textarea id=\"locationNames\" name=\"locationNames\" rows=\"4\" spellcheck=\"false\" aria-describedby=\"locationNames-hint"
                + (errors.containsKey("locationNames") ? " locationNames-error\" aria-invalid=\"true\"" : "\"") + ">"
                + escape(v.locationNames() == null ? "" : v.locationNames()) + "</textarea>"));
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
