package fr.jdma.collector.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes personal data that citizens write despite the notice (e-mails, phone numbers,
 * IBANs, social security and file numbers) from comments and page URLs, and flags what a
 * moderator should know about (capitals, insults, markup). Flags travel with the rating.
 */
final class Scrubber {

    private record Rule(String flag, Pattern pattern, String replacement) {
    }

    private static final List<Rule> PERSONAL_DATA = List.of(
            new Rule("iban", Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[0-9A-Z]{4}){3,7}(?:[ ]?[0-9A-Z]{1,3})?\\b"), "[iban]"),
            new Rule("email", Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), "[e-mail]"),
            new Rule("phone", Pattern.compile("(?:\\+33|0033|\\b0)[ .-]?[1-9](?:[ .-]?\\d{2}){4}\\b"), "[téléphone]"),
            new Rule("number", Pattern.compile("\\b[12][ ]?\\d{2}[ ]?\\d{2}[ ]?(?:\\d{2}|2A|2B)[ ]?\\d{3}[ ]?\\d{3}(?:[ ]?\\d{2})?\\b"), "[numéro]"),
            new Rule("number", Pattern.compile("\\b(?=[A-Z0-9-]*\\d{7})[A-Z0-9][A-Z0-9-]{6,}\\b|\\b\\d{7,}\\b"), "[numéro]"));

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Set<String> INSULTS = Set.of(
            "con", "conne", "connard", "connards", "connasse", "abruti", "abrutis", "abrutie", "idiot", "idiots",
            "idiote", "imbecile", "imbécile", "imbéciles", "crétin", "crétins", "débile", "débiles", "nul", "nuls",
            "merde", "putain", "salaud", "salauds", "salope", "enculé", "enculés", "bouffon", "bouffons", "incompétent",
            "incompétents", "incapables", "fainéant", "fainéants", "pourri", "pourris", "minable", "minables");

    String scrubComment(String comment, Set<String> flags) {
        String scrubbed = comment;
        for (Rule rule : PERSONAL_DATA) {
            var matcher = rule.pattern().matcher(scrubbed);
            if (matcher.find()) {
                flags.add(rule.flag());
                scrubbed = matcher.replaceAll(rule.replacement());
            }
        }
        if (isMostlyCapitals(comment)) flags.add("capitals");
        if (MARKUP.matcher(comment).find()) flags.add("markup");
        var words = WORD.matcher(comment.toLowerCase(Locale.FRENCH));
        while (words.find()) {
            if (INSULTS.contains(words.group())) {
                flags.add("insult");
                break;
            }
        }
        return scrubbed;
    }

    /** Page paths sometimes hold a file number or an e-mail: those segments are masked. */
    String scrubPage(String page, Set<String> flags) {
        String scrubbed = page;
        for (Rule rule : PERSONAL_DATA) {
            var matcher = rule.pattern().matcher(scrubbed);
            if (matcher.find()) scrubbed = matcher.replaceAll("[" + rule.flag() + "]");
        }
        if (!scrubbed.equals(page)) flags.add("page_scrubbed");
        return scrubbed;
    }

    private static boolean isMostlyCapitals(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 12 && capitals * 10 >= letters * 7;
    }
}
