package org.vertebra.web;

import io.javalin.http.Context;

/** Writes rendered pages with the headers every HTML response carries. */
public final class Html {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private Html() {
    }

    public static void send(Context ctx, byte[] page) {
        send(ctx, 200, page);
    }

    public static void send(Context ctx, int status, byte[] page) {
        // No Content-Length here: Javalin may compress the body for the client.
        ctx.status(status).contentType(CONTENT_TYPE).result(page);
    }
}
