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

    /** With its length known, the server writes the page in one piece rather than in chunks. */
    public static void send(Context ctx, int status, byte[] page) {
        ctx.status(status).contentType(CONTENT_TYPE).header("Content-Length", Integer.toString(page.length)).result(page);
    }
}
