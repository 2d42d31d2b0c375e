package fr.jdma.collector.web;

import org.eclipse.jetty.io.EofException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/** Recognises a client that closed its connection: an ordinary event, logged as one INFO line. */
public final class ClientGone {

    private ClientGone() {
    }

    /** True when the failure, or one of its causes, is the connection closed by the other side. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException) return true;
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) return true;
        }
        return false;
    }
}
