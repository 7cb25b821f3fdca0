package org.vertebra.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Collections;

/**
 * Sends a page that Javalin rendered (a cache miss) exactly as {@link CachedPageHandler} sends it once
 * cached: the same bytes, validators and headers, and a 304 when the client already holds them.
 */
public final class CachedPageResponse {

    private CachedPageResponse() {
    }

    public static void send(Context ctx, CachedPage page) {
        Representation chosen = page.forClient(CachedPage.acceptsGzip(ctx.header("Accept-Encoding")));
        // The time of this answer: Jetty's Date is the request's arrival, and a page rendered across a
        // second's turn would otherwise name a Last-Modified later than its Date (RFC 9110, 8.8.2).
        ctx.header("Date", ConditionalRequest.HTTP_DATE.format(java.time.Instant.now()))
                .header("ETag", chosen.etag())
                .header("Last-Modified", ConditionalRequest.HTTP_DATE.format(page.lastModified()))
                .header("Cache-Control", page.cacheControl());
        if (page.varies()) {
            ctx.header("Vary", "Accept-Encoding");
        }
        String ifNoneMatch = ctx.req().getHeaders("If-None-Match").hasMoreElements()
                ? String.join(",", Collections.list(ctx.req().getHeaders("If-None-Match"))) : null;
        if (ConditionalRequest.notModified(ifNoneMatch, ctx.header("If-Modified-Since"), chosen.etag(), page.lastModified())) {
            // Its type too, as Javalin would otherwise name its default (HTML) here, and a cache
            // that updates its copy from the 304's headers would take a feed for a page.
            ctx.status(HttpStatus.NOT_MODIFIED).contentType(page.contentType())
                    .header("Content-Length", Integer.toString(chosen.length())); // not Jetty's 0 (RFC 9110, 8.6)
            return;
        }
        if (chosen.encoding() != null) {
            ctx.header("Content-Encoding", chosen.encoding()); // set, so Javalin does not compress it a second time
        }
        ctx.status(HttpStatus.OK).contentType(page.contentType()).result(chosen.bytes());
    }
}
