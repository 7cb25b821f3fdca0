package org.vertebra.web;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a page already in the {@link PageCache}, and the site's static files, straight from Jetty,
 * before the servlet layer and Javalin's routing: headers made when the page was cached, and the
 * body, leave in one write; a client that holds the same bytes gets a 304. Anything not cached, or
 * with a query string, goes on to Javalin, which renders the page and caches it. Public pages are
 * the same for every visitor, which is what makes them cacheable at all.
 *
 * <p>The handler is non-blocking: Jetty runs it on the selector thread that read the request, and a
 * cached page is written from there, where a blocking handler had each request handed to a pool
 * thread first (a cached article took 33 to 38 µs of server CPU a request that way, 23 to 28 µs
 * this way, and 1.3 times the requests a second; bench/RESULTS.md, 2026-12-08). Everything else,
 * which may block (the database, a form's body), is handed to the thread pool before it goes on.
 */
public final class CachedPageHandler extends Handler.Wrapper {

    private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final PageCache cache;
    private final StaticAssets assets;
    private final Supplier<Map<String, String>> securityHeaders;
    private final PageViewListener views;
    /** The security headers as fields, made again only when the supplier hands out another map. */
    private volatile SecurityFields security = new SecurityFields(null, new HttpField[0]);

    private record SecurityFields(Map<String, String> source, HttpField[] fields) {
    }

    public CachedPageHandler(PageCache cache) {
        this(cache, StaticAssets.NONE, () -> SecurityHeaders.ALL, PageViewListener.NONE);
    }

    /**
     * @param securityHeaders may change while the server runs (the CSP follows the consent policy's scripts)
     * @param views           told of each page served from here (statistics count them off the request's path)
     */
    public CachedPageHandler(PageCache cache, StaticAssets assets, Supplier<Map<String, String>> securityHeaders,
                             PageViewListener views) {
        this.cache = cache;
        this.assets = assets;
        this.securityHeaders = securityHeaders;
        this.views = views;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!(head || HttpMethod.GET.is(method)) || request.getHttpURI().getQuery() != null) {
            return handOn(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        boolean asset = path.startsWith(StaticAssets.PATH);
        CachedPage page = asset ? assets.get(path) : cache.peek(path);
        if (page == null) {
            return handOn(request, response, callback);
        }
        HttpFields asked = request.getHeaders();
        Representation chosen = page.forClient(CachedPage.acceptsGzip(asked.get(HttpHeader.ACCEPT_ENCODING)));
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : securityFields()) {
            headers.add(field);
        }
        boolean notModified = ConditionalRequest.notModified(ifNoneMatch(asked), asked.get(HttpHeader.IF_MODIFIED_SINCE),
                chosen.etag(), page.lastModified());
        response.setStatus(notModified ? 304 : 200);
        for (HttpField field : notModified ? chosen.notModifiedHeaders : chosen.okHeaders) {
            headers.add(field);
        }
        if (!asset && !head) {
            // Counted before the write (a non-blocking offer to a queue): counted after it, a visitor
            // could have the page, and statistics be read, before the view was in the queue.
            views.viewed(PageView.of(path, asked::get, Request.getRemoteAddr(request)));
        }
        response.write(true, notModified || head ? NO_BODY : chosen.buffer(), callback);
        return true;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    /** Hands a request this handler does not answer to the thread pool, where the next handler may block. */
    private boolean handOn(Request request, Response response, Callback callback) {
        try {
            request.getComponents().getThreadPool().execute(() -> handleNext(request, response, callback));
        } catch (RejectedExecutionException busy) {
            Response.writeError(request, response, callback, 503, "The server is busy; please try again in a moment.");
        }
        return true;
    }

    private void handleNext(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /** Every If-None-Match field as one list (a client may send several), or null. */
    private static String ifNoneMatch(HttpFields asked) {
        String first = asked.get(HttpHeader.IF_NONE_MATCH);
        return first == null ? null : String.join(",", asked.getValuesList(HttpHeader.IF_NONE_MATCH));
    }

    private HttpField[] securityFields() {
        Map<String, String> current = securityHeaders.get();
        SecurityFields made = security;
        if (made.source() != current) {
            made = new SecurityFields(current, current.entrySet().stream()
                    .map(e -> new PreEncodedHttpField(e.getKey(), e.getValue())).toArray(HttpField[]::new));
            security = made;
        }
        return made.fields();
    }
}
