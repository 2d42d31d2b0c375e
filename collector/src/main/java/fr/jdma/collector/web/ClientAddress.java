package fr.jdma.collector.web;

import io.javalin.http.Context;

/**
 * Who is asking, for rate limiting only (never stored). Behind a reverse proxy every request
 * comes from the proxy: with JDMA_TRUST_PROXY=true the client is the address the proxy
 * appended last to X-Forwarded-For; without it the header is ignored, so it cannot be spoofed.
 */
public final class ClientAddress {

    private final boolean trustProxy;

    public ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(Context ctx) {
        String forwarded = trustProxy ? ctx.header("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) return ctx.ip();
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }
}
