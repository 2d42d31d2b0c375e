package fr.jdma.collector.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads every request body in full, without holding a thread, before the app sees the request;
 * a body that is not complete within the deadline is answered 408 and its connection closed.
 *
 * <p>Why: handlers read bodies with blocking streams, so a client sending one byte per second
 * held one of Jetty's 250 threads for as long as it liked, and a few hundred of them starved
 * /health and every honest client. Here the bytes are gathered by Jetty's non-blocking reads;
 * a thread is taken only once the whole body is in memory (at most the largest accepted body).
 */
public final class WholeBodies extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(WholeBodies.class);

    private final Duration deadline;
    private final int maxBytes;

    /** @param inner the handler that sees each request once its body is here (Javalin's, or one inside which Javalin goes) */
    public WholeBodies(Duration deadline, int maxBytes, Handler inner) {
        super(inner);
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        // No body, or one declared too large: the app answers at once (413 reads nothing).
        if (!hasBody(request) || length > maxBytes) return super.handle(request, response, callback);

        CompletableFuture<ByteBuffer> body = Content.Source.asByteBufferAsync(request, maxBytes);
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(
                () -> body.completeExceptionally(new TimeoutException()), deadline.toMillis(), TimeUnit.MILLISECONDS);
        // Continue on a pool thread: the read completes on Jetty's I/O threads, which must not block.
        body.whenCompleteAsync((bytes, thrown) -> {
            timer.cancel();
            Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (failure == null) {
                handleBuffered(request, response, callback, bytes);
            } else if (failure instanceof TimeoutException) {
                log.info("{} {}: the body did not arrive within {} s; answered 408", request.getMethod(),
                        request.getHttpURI().getPath(), deadline.toSeconds());
                refuse(response, callback, new HttpProblem(408, "Request Timeout",
                        "the body did not arrive within " + deadline.toSeconds() + " s"));
            } else if (failure instanceof IllegalArgumentException) {
                refuse(response, callback, new HttpProblem(413, "Content Too Large",
                        "the request body is larger than " + maxBytes + " bytes"));
            } else {
                // The client went away or broke its chunked encoding: an ordinary event, one line.
                log.info("{} {}: the client stopped sending its body ({})", request.getMethod(),
                        request.getHttpURI().getPath(), failure.getClass().getSimpleName());
                refuse(response, callback, new HttpProblem(400, "Bad Request", "the body could not be read"));
            }
        }, request.getComponents().getExecutor());
        return true;
    }

    private void handleBuffered(Request request, Response response, Callback callback, ByteBuffer bytes) {
        try {
            if (!super.handle(new Buffered(request, bytes), response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable x) {
            callback.failed(x);
        }
    }

    private static boolean hasBody(Request request) {
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) return field.getLongValue() > 0;
            if (field.getHeader() == HttpHeader.TRANSFER_ENCODING) return field.contains(HttpHeaderValue.CHUNKED.asString());
        }
        return false;
    }

    private static void refuse(Response response, Callback callback, HttpProblem problem) {
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        // The rest of the body may still be on its way: this connection cannot carry another request.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(Problems.json(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** The request as the app sees it: its body is already here, in one last chunk. */
    private static final class Buffered extends Request.Wrapper {

        private Content.Chunk next;

        Buffered(Request request, ByteBuffer body) {
            super(request);
            this.next = Content.Chunk.from(body, true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = next;
            if (!Content.Chunk.isFailure(chunk)) next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            synchronized (this) {
                next = Content.Chunk.EOF;
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            synchronized (this) {
                next = Content.Chunk.from(failure, true);
            }
        }
    }
}
