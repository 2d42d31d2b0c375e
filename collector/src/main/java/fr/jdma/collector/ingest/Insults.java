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
    /** The symbols {@link #CUT} finds inside a word. */
    private static final String CUTS = ".-_*/|+";

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
        List<String> plain = words(normal);
        List<String> candidates = new ArrayList<>(plain);
        // The two patterns are searched only in a text that can hold them (profiled: every comment passes here).
        if (isolatedLetters(normal) >= 3) collect(SPELLED, normal, candidates);
        if (hasCut(normal)) collect(CUT, normal, candidates);
        for (String candidate : candidates) {
            if (words.contains(candidate)) return true;
        }
        String joined = " " + String.join(" ", plain) + " ";
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

    /** The runs of letters, each {@link #squeeze squeezed}. */
    private static List<String> words(String normal) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean letter = i < normal.length() && isLetter(normal.charAt(i));
            if (letter && start < 0) start = i;
            if (!letter && start >= 0) {
                words.add(squeeze(normal.substring(start, i)));
                start = -1;
            }
        }
        return words;
    }

    /** Letters with no letter on either side: {@link #SPELLED} needs three of them. */
    private static int isolatedLetters(String normal) {
        int count = 0;
        for (int i = 0; i < normal.length(); i++) {
            if (isLetter(normal.charAt(i)) && !letterAt(normal, i - 1) && !letterAt(normal, i + 1)) count++;
        }
        return count;
    }

    /** A letter, symbols from {@link #CUTS}, a letter: what {@link #CUT} finds. */
    private static boolean hasCut(String normal) {
        for (int i = 1; i < normal.length(); i++) {
            if (CUTS.indexOf(normal.charAt(i)) < 0 || !isLetter(normal.charAt(i - 1))) continue;
            int j = i;
            while (j < normal.length() && CUTS.indexOf(normal.charAt(j)) >= 0) j++;
            if (letterAt(normal, j)) return true;
        }
        return false;
    }

    private static void collect(Pattern pattern, String normal, List<String> into) {
        Matcher m = pattern.matcher(normal);
        while (m.find()) into.add(squeeze(m.group()));
    }

    /** Only the letters, each run of one letter read once: "connnnnard", "c.o.n.n.a.r.d" and "connard" all read "conard". */
    private static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (isLetter(c) && (out.isEmpty() || out.charAt(out.length() - 1) != c)) out.append(c);
        }
        return out.toString();
    }

    private static boolean letterAt(String text, int i) {
        return i >= 0 && i < text.length() && isLetter(text.charAt(i));
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
