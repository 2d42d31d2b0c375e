package fr.jdma.collector.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes personal data that citizens write despite the notice (e-mails, phone numbers,
 * IBANs, social security and file numbers) and agents' names from comments and page URLs,
 * and flags what a moderator should know about (capitals, insults, markup). Flags travel
 * with the rating; the original text is never stored.
 */
final class Scrubber {

    /**
     * {@code mark} is a character every match holds (a digit, or the '@'): a text without one is not searched
     * (most comments and pages: the privacy step was a tenth of the CPU under load, docs/benchmarks.md). The
     * replacements hold neither, so what a rule leaves behind never makes a later rule's search needed.
     */
    private record Rule(String flag, Pattern pattern, String replacement, char mark) {
        static final char DIGIT = '0';

        boolean mayMatch(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (mark == DIGIT ? c >= '0' && c <= '9' : c == mark) return true;
            }
            return false;
        }
    }

    private static final List<Rule> PERSONAL_DATA = List.of(
            new Rule(Flag.IBAN.wire(), Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[0-9A-Z]{4}){3,7}(?:[ ]?[0-9A-Z]{1,3})?\\b"), "[iban]", Rule.DIGIT),
            new Rule(Flag.EMAIL.wire(), Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), "[e-mail]", '@'),
            new Rule(Flag.PHONE.wire(), Pattern.compile("(?:\\+33|0033|\\b0)[ .-]?(?:\\(0\\)[ .-]?)?[1-9](?:[ .-]?\\d{2}){4}\\b"), "[téléphone]", Rule.DIGIT),
            new Rule(Flag.NUMBER.wire(), Pattern.compile("\\b[12][ ]?\\d{2}[ ]?\\d{2}[ ]?(?:\\d{2}|2A|2B)[ ]?\\d{3}[ ]?\\d{3}(?:[ ]?\\d{2})?\\b"), "[numéro]", Rule.DIGIT),
            // the tax number (numéro fiscal), 13 digits often written 2-2-3-3-3
            new Rule(Flag.NUMBER.wire(), Pattern.compile("\\b\\d{2} \\d{2} \\d{3} \\d{3} \\d{3}\\b"), "[numéro]", Rule.DIGIT),
            new Rule(Flag.NUMBER.wire(), Pattern.compile("\\b(?=[A-Z0-9-]*\\d{7})[A-Z0-9][A-Z0-9-]{6,}\\b|\\b\\d{7,}\\b"), "[numéro]", Rule.DIGIT));

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/]");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Acronyms (CAF, MSA, APL, CERFA) are written in capitals by everyone: they never make a comment "capitals". */
    private static final Set<String> ACRONYMS = WordList.keys("acronymes.txt");
    private static final int CAPITALS_MIN_LETTERS = 12;

    String scrubComment(String comment, Set<String> flags) {
        String scrubbed = comment;
        for (Rule rule : PERSONAL_DATA) {
            if (!rule.mayMatch(scrubbed)) continue;
            var matcher = rule.pattern().matcher(scrubbed);
            if (matcher.find()) {
                flags.add(rule.flag());
                scrubbed = matcher.replaceAll(rule.replacement());
            }
        }
        scrubbed = AgentNames.mask(scrubbed, flags);
        if (isMostlyCapitals(comment)) flags.add(Flag.CAPITALS.wire());
        if (MARKUP.matcher(comment).find()) flags.add(Flag.MARKUP.wire());
        if (Insults.foundIn(comment)) flags.add(Flag.INSULT.wire());
        return scrubbed;
    }

    /** Page paths sometimes hold a file number or an e-mail: those segments are masked. */
    String scrubPage(String page, Set<String> flags) {
        String scrubbed = page;
        for (Rule rule : PERSONAL_DATA) {
            if (!rule.mayMatch(scrubbed)) continue;
            var matcher = rule.pattern().matcher(scrubbed);
            if (matcher.find()) scrubbed = matcher.replaceAll("[" + rule.flag() + "]");
        }
        if (!scrubbed.equals(page)) flags.add(Flag.PAGE_SCRUBBED.wire());
        return scrubbed;
    }

    /** At least 70 % capitals over at least 12 letters, acronyms left out of both counts. */
    static boolean isMostlyCapitals(String text) {
        // Fewer capitals in the whole text than 70 % of the least count of letters: no need to look at the words.
        if (capitals(text) * 10 < CAPITALS_MIN_LETTERS * 7) return false;
        long letters = 0;
        long capitals = 0;
        var words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (ACRONYMS.contains(WordList.key(word)) && word.equals(word.toUpperCase(Locale.ROOT))) continue;
            letters += word.length();
            capitals += capitals(word);
        }
        return letters >= CAPITALS_MIN_LETTERS && capitals * 10 >= letters * 7;
    }

    private static int capitals(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isUpperCase(codePoint)) count++;
            i += Character.charCount(codePoint);
        }
        return count;
    }
}
