package fr.jdma.collector.results;

import fr.jdma.collector.geo.GeoLevel;
import fr.jdma.collector.input.Codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a citizen asks of /resultats/{service}: a level (commune, département, région, France;
 * none = every location as the service declared it), maybe one place of that level, maybe a
 * search typed in the GET form. Bad values become French messages for the page.
 */
record ResultsRequest(GeoLevel level, String code, String query, List<String> errors) {

    static final int MAX_QUERY = 100;

    static ResultsRequest parse(Map<String, List<String>> params) {
        List<String> errors = new ArrayList<>();
        String levelWord = one(params, "level");
        GeoLevel level = null;
        if (levelWord != null) {
            if (GeoLevel.words().contains(levelWord)) level = GeoLevel.of(levelWord);
            else errors.add("Le niveau « " + levelWord + " » n'existe pas : choisissez commune, departement, region ou national.");
        }
        String code = one(params, "code");
        if (code != null && !Codes.CODE.matcher(code).matches()) {
            errors.add("Le code de lieu « " + code + " » n'est pas valide : 1 à 64 lettres, chiffres, points, tirets ou soulignés.");
            code = null;
        }
        if (code != null && level == null && errors.isEmpty()) {
            errors.add("Un code de lieu va avec un niveau : ajoutez level=commune, departement ou region.");
        }
        String query = one(params, "q");
        if (query != null && query.length() > MAX_QUERY) {
            errors.add("La recherche est trop longue : " + MAX_QUERY + " caractères au plus.");
            query = null;
        }
        if (level == GeoLevel.NATIONAL) code = GeoLevel.NATION;
        return new ResultsRequest(level, code, query, List.copyOf(errors));
    }

    /** Whether one place is asked for (a commune, a département, a région, or France). */
    boolean onePlace() {
        return level != null && code != null;
    }

    /** A parameter given once, stripped; absent or empty is null (forms send empty fields). */
    private static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return null;
        String value = values.get(values.size() - 1).strip();
        return value.isEmpty() ? null : value;
    }

    /** The page's address for a level and maybe a place: ?level=commune&code=75056. */
    static String href(String service, GeoLevel level, String code) {
        String base = "/resultats/" + service;
        if (level == null) return base;
        if (level == GeoLevel.NATIONAL || code == null) return base + "?level=" + level.word();
        return base + "?level=" + level.word() + "&code=" + code;
    }
}
