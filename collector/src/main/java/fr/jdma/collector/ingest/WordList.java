package fr.jdma.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules kept as data: the files under resources/moderation, read once. '#' starts a comment line. */
final class WordList {

    private WordList() {
    }

    /** The non-blank, non-comment lines of a resource. */
    static List<String> lines(String name) {
        try (InputStream in = WordList.class.getResourceAsStream("/moderation/" + name)) {
            if (in == null) throw new IllegalStateException("missing word list resources/moderation/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every whitespace-separated word of a resource, as {@link #key} gives it. */
    static Set<String> keys(String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines(name)) {
            Arrays.stream(line.split("\\s+")).map(WordList::key).forEach(words::add);
        }
        return Set.copyOf(words);
    }

    /** Lower case without accents: "Hélène", "helene" and "HÉLÈNE" are one name. */
    static String key(String word) {
        return withoutAccents(word).toLowerCase(Locale.ROOT);
    }

    static String withoutAccents(String text) {
        // Every comment's words pass here, and Normalizer was the privacy step's largest cost under load: a text of
        // the first 0x2100 characters (Latin, Greek, Cyrillic, punctuation such as ’ « » …, currencies) and emoji is
        // mapped char by char, as Normalizer maps it (all marks go, so their canonical order does not matter).
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (out != null) out.append(c);
                continue;
            }
            if (c >= PLAIN.length && !isEmojiHalf(text, i)) return decomposed(text);
            if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            String plain = c < PLAIN.length ? PLAIN[c] : null;
            if (plain == null) out.append(c);
            else out.append(plain);
        }
        return out == null ? text : out.toString();
    }

    private static String decomposed(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** What {@link #decomposed} makes of each of the first 0x2100 characters, or null where it keeps it. */
    private static final String[] PLAIN = new String[0x2100];

    static {
        for (char c = 0x80; c < PLAIN.length; c++) {
            String plain = decomposed(String.valueOf(c));
            if (!plain.equals(String.valueOf(c))) PLAIN[c] = plain;
        }
    }

    /** Half of a character of the emoji planes (U+1F000 to U+1FAFF), which have no canonical decomposition. */
    private static boolean isEmojiHalf(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < text.length() && isEmoji(Character.toCodePoint(c, text.charAt(i + 1)));
        if (Character.isLowSurrogate(c)) return i > 0 && isEmoji(Character.toCodePoint(text.charAt(i - 1), c));
        return false;
    }

    private static boolean isEmoji(int codePoint) {
        return codePoint >= 0x1F000 && codePoint <= 0x1FAFF;
    }
}
