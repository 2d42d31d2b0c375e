package fr.jdma.collector.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds insults (resources/moderation/insultes.txt) through the usual disguises: case and
 * accents, digits and symbols for letters (c0nnard, m3rde, s@lope), repeated letters
 * (connnnnard) and separators inside a word (c.o.n.n.a.r.d, con-nard, c o n). Whole words
 * only, so "confiance", "conseiller" and "Condom" never match "con".
 */
final class Insults {

    /** Single letters separated by spaces or symbols: "c o n", "c.o.n.n.a.r.d". */
    private static final Pattern SPELLED = Pattern.compile("(?<![a-z])[a-z](?:[\\s.\\-_*/|+]+[a-z](?![a-z])){2,}");
    /** Letters cut by symbols without spaces: "con.nard", "conn-ard", "m*rde". */
    private static final Pattern CUT = Pattern.compile("[a-z]+(?:[.\\-_*/|+]+[a-z]+)+");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern REPEATS = Pattern.compile("([a-z])\\1+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");

    /** Last: built with the patterns above. */
    private static final Insults LIST = new Insults(WordList.lines("insultes.txt"), WordList.lines("insultes-expressions.txt"));

    private final Set<String> words = new HashSet<>();
    private final List<String> phrases = new ArrayList<>();

    private Insults(List<String> wordLines, List<String> expressions) {
        for (String line : wordLines) {
            for (String word : line.split("\\s+")) words.add(squeeze(normalise(word)));
        }
        for (String expression : expressions) phrases.add(" " + String.join(" ", words(normalise(expression))) + " ");
    }

    static boolean foundIn(String text) {
        return LIST.matches(text);
    }

    boolean matches(String text) {
        String normal = normalise(text);
        List<String> candidates = new ArrayList<>(words(normal));
        collect(SPELLED, normal, candidates);
        collect(CUT, normal, candidates);
        for (String candidate : candidates) {
            if (words.contains(candidate)) return true;
        }
        String joined = " " + String.join(" ", words(normal)) + " ";
        for (String phrase : phrases) {
            if (joined.contains(phrase)) return true;
        }
        return false;
    }

    /** Lower case, no accents, look-alike digits and symbols read as the letters they stand for. */
    static String normalise(String text) {
        String plain = WordList.key(text);
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static List<String> words(String normal) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normal);
        while (m.find()) words.add(squeeze(m.group()));
        return words;
    }

    private static void collect(Pattern pattern, String normal, List<String> into) {
        Matcher m = pattern.matcher(normal);
        while (m.find()) into.add(squeeze(NOT_A_LETTER.matcher(m.group()).replaceAll("")));
    }

    /** "connnnnard" and "connard" both read "conard". */
    private static String squeeze(String word) {
        return REPEATS.matcher(word).replaceAll("$1");
    }
}
