package fr.jdma.collector.web;

import java.util.Locale;

/** Whether an answer may be gzipped: the one reading of Accept-Encoding, for the exports and the stats. */
public final class Gzip {

    private Gzip() {
    }

    /** True when the client lists gzip in Accept-Encoding without refusing it (q=0). */
    public static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("x-gzip")) continue;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().replace(" ", "");
                if (parameter.matches("q=0(\\.0*)?")) return false;
            }
            return true;
        }
        return false;
    }
}
