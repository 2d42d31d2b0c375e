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
        // Most words have no accent: plain ASCII needs no decomposition (every comment's words pass here).
        if (isAscii(text)) return text;
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return false;
        }
        return true;
    }
}
