package fr.jdma.collector.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Helpers for answers streamed as they are produced, whose status is sent before the body is done. */
public final class Streams {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);

    private Streams() {
    }

    /**
     * What a streamed answer does when producing it fails. Before any byte has left (a database
     * that is down at the first query), the buffer is emptied and the failure thrown again, so the
     * usual error answer goes out instead. After that, a client that went away is one INFO line;
     * any other failure breaks the connection ({@link #abort}).
     *
     * @param what the answer, for the log line ("download of x.csv for analyst")
     */
    public static void failed(Context ctx, Exception failure, String what) {
        if (!ctx.res().isCommitted()) {
            ctx.res().resetBuffer();
            ctx.res().setHeader("Content-Encoding", null);
            ctx.res().setHeader("Content-Disposition", null);
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        }
        if (ClientGone.in(failure)) {
            // An ordinary event; nobody is left to read, and aborting again would only make
            // Javalin log a stack trace.
            log.info("{} cancelled by the client", what);
            return;
        }
        log.warn("{} stopped early: {}", what, failure.toString());
        abort(ctx, failure);
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
