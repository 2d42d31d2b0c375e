package fr.jdma.collector.web;

import io.javalin.http.Context;

import java.net.URI;
import java.util.Locale;

/** The collector's own pages (hosted form, examples, results) are always allowed to post. */
public final class Origins {

    private Origins() {
    }

    /** True when the Origin names the host the request was sent to (directly or through a proxy). */
    public static boolean isCollectorItself(Context ctx, String origin) {
        String authority;
        try {
            authority = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) return false;
        authority = authority.toLowerCase(Locale.ROOT);
        return authority.equals(lower(ctx.header("Host"))) || authority.equals(lower(ctx.header("X-Forwarded-Host")));
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
