package org.vertebra.web;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a page already in the {@link PageCache} straight from Jetty, before the servlet layer and
 * Javalin's routing: headers and body leave in one write. Anything not cached, or with a query
 * string, goes on to Javalin, which renders the page and caches it. Public pages are the same for
 * every visitor, which is what makes them cacheable at all.
 */
public final class CachedPageHandler extends Handler.Wrapper {

    private final PageCache cache;
    private final Supplier<Map<String, String>> securityHeaders;
    private final PageViewListener views;

    public CachedPageHandler(PageCache cache) {
        this(cache, SecurityHeaders.ALL, PageViewListener.NONE);
    }

    /** @param views told of each page served from here (statistics count them off the request's path) */
    public CachedPageHandler(PageCache cache, Map<String, String> securityHeaders, PageViewListener views) {
        this(cache, () -> securityHeaders, views);
    }

    /** As above, with headers that may change while the server runs (the CSP follows the consent policy's scripts). */
    public CachedPageHandler(PageCache cache, Supplier<Map<String, String>> securityHeaders, PageViewListener views) {
        this.cache = cache;
        this.securityHeaders = securityHeaders;
        this.views = views;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHttpURI().getQuery() != null) {
            return super.handle(request, response, callback);
        }
        CachedPage page = cache.peek(Request.getPathInContext(request));
        if (page == null) {
            return super.handle(request, response, callback);
        }
        boolean gzip = acceptsGzip(request);
        byte[] body = gzip ? page.gzip() : page.plain();
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
        for (Map.Entry<String, String> header : securityHeaders.get().entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        if (gzip) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        // Counted before the write (a non-blocking offer to a queue): counted after it, a visitor
        // could have the page, and statistics be read, before the view was in the queue.
        views.viewed(PageView.of(Request.getPathInContext(request), request.getHeaders()::get, Request.getRemoteAddr(request)));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static boolean acceptsGzip(Request request) {
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        return accepted != null && accepted.contains("gzip") && !accepted.contains("gzip;q=0");
    }
}
