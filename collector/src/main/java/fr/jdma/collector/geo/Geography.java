package fr.jdma.collector.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
    }

    /**
     * One commune code resolved: its own name and kind, the current commune it belongs to (itself
     * for a current commune; Paris 75056 for Paris 15e, 75115), and that commune's département and région.
     */
    public record Commune(String code, String name, Kind kind, String communeCode, String communeName,
                          String departement, String region) {
    }

    private static final String RESOURCE = "/geo/cog.bin.gz";
    private static final byte[] MAGIC = "JDMACOG1".getBytes(StandardCharsets.US_ASCII);
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
                      Map<String, String> regionOfDepartement, String[] departementCodes, int[] codes, String allNames,
                      int[] nameStarts, byte[] kinds, int[] current, short[] departements, int[] populations,
                      int[] postalCodes, int[] postalCommunes) {
        this.source = source;
        this.regionNames = regionNames;
        this.departementNames = departementNames;
        this.regionOfDepartement = regionOfDepartement;
        this.departementCodes = departementCodes;
        this.codes = codes;
        this.allNames = allNames;
        this.nameStarts = nameStarts;
        this.kinds = kinds;
        this.current = current;
        this.departements = departements;
        this.populations = populations;
        this.postalCodes = postalCodes;
        this.postalCommunes = postalCommunes;
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

    /**
     * Reads a gzipped table in the format collector/geo/build.mjs writes: the arrays this class keeps, copied out
     * whole (a few milliseconds, where parsing a text table took 0.2 s of a start), then checked.
     */
    static Geography read(InputStream gzipped) throws IOException {
        ByteBuffer in;
        try (InputStream unzipped = new GZIPInputStream(gzipped)) {
            in = ByteBuffer.wrap(unzipped.readAllBytes());
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a geography table of this version (collector/geo/build.mjs writes it)");
            Source source = new Source(string(in), string(in), string(in));
            Map<String, String> regions = new HashMap<>();
            for (int i = count(in, 8); i > 0; i--) regions.put(string(in), string(in));
            int departementCount = count(in, 12);
            String[] departementCodes = new String[departementCount];
            Map<String, String> departements = new HashMap<>();
            Map<String, String> regionOf = new HashMap<>();
            for (int i = 0; i < departementCount; i++) {
                departementCodes[i] = string(in);
                departements.put(departementCodes[i], string(in));
                regionOf.put(departementCodes[i], string(in));
            }
            int n = count(in, 4 + 4 + 1 + 4 + 2 + 4);  // per commune code: code, name start, kind, current, département, population
            int[] codes = ints(in, n);
            int[] nameStarts = ints(in, n + 1);
            String allNames = string(in);
            byte[] kinds = new byte[n];
            in.get(kinds);
            int[] current = ints(in, n);
            short[] communeDepartements = new short[n];
            in.asShortBuffer().get(communeDepartements);
            in.position(in.position() + 2 * n);
            int[] populations = ints(in, n);
            int postal = count(in, 8);
            int[] postalCodes = ints(in, postal);
            int[] postalCommunes = ints(in, postal);
            if (in.hasRemaining()) throw new IOException(in.remaining() + " bytes after the end of the geography table");
            byte[] kindOfLetter = new byte[128];
            Arrays.fill(kindOfLetter, (byte) -1);
            for (Kind kind : Kind.values()) kindOfLetter[kind.letter] = (byte) kind.ordinal();
            for (int i = 0; i < n; i++) {
                if (codes[i] < 0 || i > 0 && codes[i] <= codes[i - 1]) throw new IOException("commune codes out of order at " + decode(codes[i]));
                if (nameStarts[i] < 0 || nameStarts[i] > nameStarts[i + 1]) throw new IOException("name of " + decode(codes[i]) + " out of place");
                if (kinds[i] < 0 || kindOfLetter[kinds[i]] < 0) throw new IOException("unknown kind of commune code '" + (char) kinds[i] + "'");
                kinds[i] = kindOfLetter[kinds[i]];
                if (current[i] < 0 || current[i] >= n) throw new IOException("commune " + decode(codes[i]) + " belongs to no commune of the table");
                if (communeDepartements[i] < 0 || communeDepartements[i] >= departementCount) throw new IOException("commune " + decode(codes[i]) + " in no département of the table");
            }
            if (nameStarts[n] != allNames.length()) throw new IOException("the names end at " + allNames.length() + ", not " + nameStarts[n]);
            for (int i = 0; i < postal; i++) {
                if (i > 0 && postalCodes[i] < postalCodes[i - 1]) throw new IOException("postal codes out of order at " + postalCodes[i]);
                if (postalCommunes[i] < 0 || postalCommunes[i] >= n) throw new IOException("postal code " + postalCodes[i] + " names no commune of the table");
            }
            for (String region : regionOf.values()) if (!regions.containsKey(region)) throw new IOException("unknown région " + region);
            return new Geography(source, Map.copyOf(regions), Map.copyOf(departements), Map.copyOf(regionOf), departementCodes,
                    codes, allNames, nameStarts, kinds, current, communeDepartements, populations, postalCodes, postalCommunes);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("the geography table is cut short or damaged: " + e, e);
        }
    }

    /** A count read from the table, checked against what is left of it (a damaged count must not allocate gigabytes). */
    private static int count(ByteBuffer in, int bytesEach) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / bytesEach) throw new BufferUnderflowException();
        return count;
    }

    private static String string(ByteBuffer in) {
        int length = count(in, 1);
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static int[] ints(ByteBuffer in, int count) {
        int[] values = new int[count];
        in.asIntBuffer().get(values);
        in.position(in.position() + 4 * count);
        return values;
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
