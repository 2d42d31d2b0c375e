package fr.jdma.collector.geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a typed place name matches the COG's names: without accents, case, hyphens or apostrophes. */
final class Search {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Search() {
    }

    /** "Saint-Étienne-du-Rouvray" and "st etienne du rouvray" both become "saint etienne du rouvray". */
    static String normalise(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        StringBuilder out = new StringBuilder(plain.length());
        for (String word : NOT_ALNUM.matcher(plain).replaceAll(" ").strip().split(" ")) {
            if (word.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(switch (word) {
                case "st" -> "saint";
                case "ste" -> "sainte";
                default -> word;
            });
        }
        return out.toString();
    }

    /**
     * Indexes of the names matching the normalised query: equal names first, then names starting
     * with it, then names with a word starting with it; larger populations first within each.
     */
    static List<Integer> ranked(String[] names, String query, int[] populations, byte[] kinds, int skippedKind) {
        record Hit(int index, int rank, int population) {
        }
        List<Hit> hits = new ArrayList<>();
        String wordStart = " " + query;
        for (int i = 0; i < names.length; i++) {
            if (kinds[i] == skippedKind) continue;
            String name = names[i];
            int rank = name.equals(query) ? 0 : name.startsWith(query) ? 1 : name.contains(wordStart) ? 2 : -1;
            if (rank >= 0) hits.add(new Hit(i, rank, populations[i]));
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(Comparator.comparingInt(Hit::population).reversed()));
        return hits.stream().map(Hit::index).toList();
    }
}
