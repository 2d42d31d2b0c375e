package fr.jdma.collector.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Helpers for answers streamed as they are produced, whose status is sent before the body is done. */
public final class Streams {

    private Streams() {
    }

    /**
     * Breaks the connection instead of ending the body: once a 200 and part of a file are sent,
     * a clean end would pass a truncated export off as complete; an aborted transfer is seen
     * as failed by curl, browsers and HTTP clients.
     */
    public static void abort(Context ctx, Throwable cause) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(cause);
    }
}
