package fr.jdma.collector.web;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HEAD runs the GET route, so it answers the GET's status and headers (ETag, Cache-Control,
 * Content-Type, Content-Length); Jetty still knows the request is a HEAD and sends no body.
 * Javalin alone answered every HEAD with an empty 200 text/plain.
 */
public final class HeadAsGet extends Handler.Wrapper {

    public HeadAsGet(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.HEAD.is(request.getMethod())) return super.handle(request, response, callback);
        return super.handle(new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.asString();
            }
        }, response, callback);
    }
}
