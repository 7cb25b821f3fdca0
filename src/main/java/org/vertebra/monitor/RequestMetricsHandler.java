package org.vertebra.monitor;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request at Jetty's outermost handler, so pages served from the cache's fast path
 * count as well as those Javalin renders. The time runs until the response is complete.
 */
public final class RequestMetricsHandler extends Handler.Wrapper {

    private final SiteMetrics metrics;

    public RequestMetricsHandler(SiteMetrics metrics) {
        this.metrics = metrics;
    }

    public RequestMetricsHandler(SiteMetrics metrics, Handler next) {
        super(next);
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        String method = request.getMethod();
        Callback timed = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                metrics.request(method, response.getStatus(), System.nanoTime() - started);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                metrics.request(method, 500, System.nanoTime() - started);
                super.failed(failure);
            }
        };
        return super.handle(request, response, timed);
    }
}
