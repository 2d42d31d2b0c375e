package fr.jdma.collector.web;

/** Escaping for server-rendered pages: every value that reaches HTML goes through here. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The start of the collector's own pages (hosted form, snippet generator): French, the
     * form stylesheet, a skip link and the header. The caller appends a {@code <main id="contenu">}.
     */
    public static StringBuilder pageStart(String title) {
        return new StringBuilder(8192).append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts
                .append("<meta name=\"referrer\" content=\"same-origin\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/form.css\"></head><body>")
                .append("<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>")
                .append("<header class=\"header\"><p class=\"marianne\">République<br>française</p>")
                .append("<p class=\"brand\">Je donne mon avis</p></header>");
    }

    /** The strict policy of our own pages: our stylesheet only, forms post to us only. */
    public static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}
