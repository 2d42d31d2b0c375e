package fr.jdma.collector.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The Code officiel géographique: commune codes to names, départements and régions, and postal
 * codes, from the table the build makes out of {@code @etalab/decoupage-administratif}
 * (collector/geo/build.mjs). Loaded once, kept in parallel arrays sorted by code (about 39,000
 * codes in about 1 MB), searched by binary search. Immutable, so one instance serves the JVM.
 */
public final class Geography {

    /** Where the table comes from: the npm package, its version and the COG's millésime. */
    public record Source(String origin, String version, String millesime) {
    }

    /** What a commune code stands for in the COG. */
    public enum Kind {
        COMMUNE('c'), ARRONDISSEMENT('m'), DELEGUEE('d'), ASSOCIEE('a'), ANCIEN_CODE('o');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(char letter) {
            for (Kind kind : values()) if (kind.letter == letter) return kind;
            throw new IllegalArgumentException("unknown kind of commune code '" + letter + "'");
        }
    }

    /**
     * One commune code resolved: its own name and kind, the current commune it belongs to (itself
     * for a current commune; Paris 75056 for Paris 15e, 75115), and that commune's département and région.
     */
    public record Commune(String code, String name, Kind kind, String communeCode, String communeName,
                          String departement, String region) {
    }

    private static final String RESOURCE = "/geo/cog.tsv.gz";
    private static volatile Geography official;

    private final Source source;
    private final Map<String, String> regionNames;
    private final Map<String, String> departementNames;
    private final Map<String, String> regionOfDepartement;
    // One entry per commune code, sorted by code. A code of five characters among 0-9 A-Z is kept as
    // its base-36 value (ordered as the text is), names as one string with offsets: about 1 MB in all.
    private final int[] codes;
    private final String allNames;
    private final int[] nameStarts;  // name i is allNames[nameStarts[i], nameStarts[i + 1])
    private final byte[] kinds;
    private final int[] current;     // index of the current commune (itself for a current commune)
    private final short[] departements;  // index into departementCodes
    private final String[] departementCodes;
    private final int[] populations;
    // postal code -> current commune, sorted by postal code then population (largest first)
    private final int[] postalCodes;
    private final int[] postalCommunes;
    // names without accents or case, made on the first search only
    private volatile String[] searchNames;

    private Geography(Source source, Map<String, String> regionNames, Map<String, String> departementNames,
                      Map<String, String> regionOfDepartement, List<String[]> rows) {
        this.source = source;
        this.regionNames = regionNames;
        this.departementNames = departementNames;
        this.regionOfDepartement = regionOfDepartement;
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        int n = rows.size();
        codes = new int[n];
        nameStarts = new int[n + 1];
        kinds = new byte[n];
        current = new int[n];
        departements = new short[n];
        populations = new int[n];
        departementCodes = departementNames.keySet().stream().sorted().toArray(String[]::new);
        StringBuilder names = new StringBuilder(n * 12);
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            codes[i] = encode(row[0]);
            if (codes[i] < 0) throw new IllegalStateException("unexpected commune code " + row[0]);
            nameStarts[i] = names.length();
            names.append(row[1]);
            departements[i] = (short) Arrays.binarySearch(departementCodes, row[2]);
            if (departements[i] < 0) throw new IllegalStateException("commune " + row[0] + " in unknown département " + row[2]);
            kinds[i] = (byte) Kind.of(row[3].charAt(0)).ordinal();
            populations[i] = row[5].isEmpty() ? 0 : Integer.parseInt(row[5]);
        }
        nameStarts[n] = names.length();
        allNames = names.toString();
        List<long[]> postal = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String parent = rows.get(i)[4];
            current[i] = parent.isEmpty() ? i : Arrays.binarySearch(codes, encode(parent));
            if (current[i] < 0) throw new IllegalStateException("commune " + rows.get(i)[0] + " belongs to unknown commune " + parent);
            if (kinds[i] == Kind.COMMUNE.ordinal() && !rows.get(i)[6].isEmpty()) {
                for (String code : rows.get(i)[6].split(" ")) postal.add(new long[] {Long.parseLong(code), -populations[i], i});
            }
        }
        postal.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        postalCodes = new int[postal.size()];
        postalCommunes = new int[postal.size()];
        for (int i = 0; i < postal.size(); i++) {
            postalCodes[i] = (int) postal.get(i)[0];
            postalCommunes[i] = (int) postal.get(i)[2];
        }
    }

    /** A five-character code of 0-9 A-Z as its base-36 value, which sorts as the text does; -1 otherwise. */
    private static int encode(String code) {
        if (code == null || code.length() != 5) return -1;
        int value = 0;
        for (int i = 0; i < 5; i++) {
            char c = code.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
            if (digit < 0) return -1;
            value = value * 36 + digit;
        }
        return value;
    }

    private static String decode(int value) {
        char[] code = new char[5];
        for (int i = 4; i >= 0; i--) {
            int digit = value % 36;
            code[i] = (char) (digit < 10 ? '0' + digit : 'A' + digit - 10);
            value /= 36;
        }
        return new String(code);
    }

    private String name(int i) {
        return allNames.substring(nameStarts[i], nameStarts[i + 1]);
    }

    private String[] searchNames() {
        String[] names = searchNames;
        if (names == null) {
            names = new String[codes.length];
            for (int i = 0; i < names.length; i++) names[i] = Search.normalise(name(i));
            searchNames = names;
        }
        return names;
    }

    /** The table shipped in the jar, read on first use. */
    public static Geography official() {
        Geography loaded = official;
        if (loaded == null) {
            synchronized (Geography.class) {
                if (official == null) {
                    try (InputStream in = Geography.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar: build with Maven (collector/geo/build.mjs makes it)");
                        official = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                loaded = official;
            }
        }
        return loaded;
    }

    /** Reads a gzipped table in the format collector/geo/build.mjs writes. */
    static Geography read(InputStream gzipped) throws IOException {
        Source source = null;
        Map<String, String> regions = new HashMap<>();
        Map<String, String> departements = new HashMap<>();
        Map<String, String> regionOf = new HashMap<>();
        List<String[]> communes = new ArrayList<>(40_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split("\t", -1);
                switch (cells[0]) {
                    case "# source" -> source = new Source(cells[1], cells[2], cells[3]);
                    case "R" -> regions.put(cells[1], cells[2]);
                    case "D" -> {
                        departements.put(cells[1], cells[2]);
                        regionOf.put(cells[1], cells[3]);
                    }
                    case "C" -> communes.add(Arrays.copyOfRange(cells, 1, 8));
                    default -> throw new IOException("unexpected line in the geography table: " + line);
                }
            }
        }
        if (source == null) throw new IOException("the geography table names no source");
        return new Geography(source, Map.copyOf(regions), Map.copyOf(departements), Map.copyOf(regionOf), communes);
    }

    public Source source() {
        return source;
    }

    /** The commune code resolved, or empty when it is no code of the COG (an office id, a typo). */
    public Optional<Commune> commune(String code) {
        int i = index(code);
        return i < 0 ? Optional.empty() : Optional.of(view(i));
    }

    public Optional<String> departementName(String code) {
        return Optional.ofNullable(code == null ? null : departementNames.get(code));
    }

    public Optional<String> regionName(String code) {
        return Optional.ofNullable(code == null ? null : regionNames.get(code));
    }

    /** The région of a département code, or null. */
    public String regionOfDepartement(String departement) {
        return departement == null ? null : regionOfDepartement.get(departement);
    }

    /**
     * The code of the place at that level that holds this location: its current commune, its
     * département, its région, or the nation's ""; null when the location is no commune code
     * (then it counts only for the nation).
     */
    public String placeOf(String location, GeoLevel level) {
        if (level == GeoLevel.NATIONAL) return GeoLevel.NATION;
        int i = index(location);
        if (i < 0) return null;
        int c = current[i];
        return switch (level) {
            case COMMUNE -> decode(codes[c]);
            case DEPARTEMENT -> departementCodes[departements[c]];
            case REGION -> regionOfDepartement.get(departementCodes[departements[c]]);
            case NATIONAL -> GeoLevel.NATION;
        };
    }

    /** The name of a place at a level ("Paris", "Val-de-Marne", "Corse", "France"), empty when unknown. */
    public Optional<String> placeName(GeoLevel level, String code) {
        return switch (level) {
            case COMMUNE -> commune(code).map(Commune::communeName);
            case DEPARTEMENT -> departementName(code);
            case REGION -> regionName(code);
            case NATIONAL -> Optional.of("France");
        };
    }

    /**
     * Current communes for a postal code, an INSEE code or a name, best first: exact names before
     * names that start with the words typed, then larger communes first. A commune déléguée or an
     * arrondissement found by its own name leads to its current commune (Cran-Gevrier to Annecy).
     */
    public List<Commune> search(String text, int limit) {
        String query = text == null ? "" : text.strip();
        Map<Integer, Commune> found = new LinkedHashMap<>();
        if (query.matches("[0-9]{5}")) {
            int postal = Integer.parseInt(query);
            int at = Arrays.binarySearch(postalCodes, postal);
            if (at >= 0) {
                while (at > 0 && postalCodes[at - 1] == postal) at--;
                for (; at < postalCodes.length && postalCodes[at] == postal && found.size() < limit; at++) {
                    found.putIfAbsent(postalCommunes[at], view(postalCommunes[at]));
                }
            }
        }
        int byCode = index(query.toUpperCase(java.util.Locale.ROOT));
        if (found.isEmpty() && byCode >= 0) found.put(current[byCode], view(current[byCode]));
        if (!found.isEmpty()) return List.copyOf(found.values());
        String words = Search.normalise(query);
        if (words.isEmpty()) return List.of();
        for (int rank : Search.ranked(searchNames(), words, populations, kinds, Kind.ANCIEN_CODE.ordinal())) {
            int c = current[rank];
            // a commune déléguée or an arrondissement found by its own name keeps that name in the view
            found.putIfAbsent(c, view(rank));
            if (found.size() >= limit) break;
        }
        return List.copyOf(found.values());
    }

    private Commune view(int i) {
        int c = current[i];
        String departement = departementCodes[departements[c]];
        return new Commune(decode(codes[i]), name(i), Kind.values()[kinds[i]], decode(codes[c]), name(c), departement,
                regionOfDepartement.get(departement));
    }

    private int index(String code) {
        int value = encode(code);
        if (value < 0) return -1;
        int i = Arrays.binarySearch(codes, value);
        return i < 0 ? -1 : i;
    }
}
