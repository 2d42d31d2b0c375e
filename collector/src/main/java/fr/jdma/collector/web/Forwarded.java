package fr.jdma.collector.web;

import io.javalin.http.Context;
import org.eclipse.jetty.server.Request;

import java.net.URI;
import java.util.Locale;

/**
 * The one proxy rule: who is asking, which host and scheme they asked for. Behind a reverse proxy
 * every request comes from the proxy, which says the truth in X-Forwarded-For/-Host/-Proto; without
 * one anybody can send those headers. So they are read only with JDMA_TRUST_PROXY=true, everywhere
 * (rate limit, the collector's own origin, the generator's snippets), and ignored otherwise.
 * The rules read headers only, so the rating door below Javalin (a Jetty {@link Request}) and every
 * Javalin route ({@link Context}) ask the same questions of them.
 */
public final class Forwarded {

    private final boolean trustProxy;

    public Forwarded(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /** The client, for rate limiting only (never stored): the address the proxy appended last. */
    public String client(Context ctx) {
        return client(ctx.header("X-Forwarded-For"), ctx.ip());
    }

    public String client(Request request) {
        return client(request.getHeaders().get("X-Forwarded-For"), Request.getRemoteAddr(request));
    }

    private String client(String forwardedFor, String address) {
        String forwarded = trusted(forwardedFor);
        if (forwarded == null) return address;
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    /** The host the client asked for (host[:port]). */
    public String host(Context ctx) {
        String forwarded = trusted(ctx.header("X-Forwarded-Host"));
        return forwarded != null ? forwarded.split(",")[0].strip() : ctx.host();
    }

    /** http or https, as the client sees it. */
    public String scheme(Context ctx) {
        String forwarded = trusted(ctx.header("X-Forwarded-Proto"));
        return forwarded != null ? forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT) : ctx.scheme();
    }

    /** Where the client reaches this collector, such as {@code https://avis.example.gouv.fr}. */
    public String baseUrl(Context ctx) {
        return scheme(ctx) + "://" + host(ctx);
    }

    /**
     * True when the Origin names the host the request was sent to, directly ({@code Host}) or, behind a
     * trusted proxy, as {@code X-Forwarded-Host}: the collector's own pages.
     */
    public boolean isCollectorItself(Context ctx, String origin) {
        return isCollectorItself(origin, ctx.header("Host"), ctx.header("X-Forwarded-Host"));
    }

    public boolean isCollectorItself(Request request, String origin) {
        return isCollectorItself(origin, request.getHeaders().get("Host"), request.getHeaders().get("X-Forwarded-Host"));
    }

    private boolean isCollectorItself(String origin, String host, String forwardedHost) {
        if (origin == null) return false;
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) return false;
        String asked = authority.toLowerCase(Locale.ROOT);
        return asked.equals(lower(host)) || asked.equals(lower(trusted(forwardedHost)));
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private String trusted(String value) {
        return !trustProxy || value == null || value.isBlank() ? null : value;
    }
}
