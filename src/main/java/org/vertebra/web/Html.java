package org.vertebra.web;

import io.javalin.http.Context;

/**
 * Writes rendered pages with the headers every HTML response carries, and escapes text for the
 * HTML built outside the templates (mails, messages with markup around their values).
 */
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

    /**
     * The text with the five characters HTML gives meaning to written as entities, so that it is
     * safe as element text and as a quoted attribute's value; nothing (null) is the empty text.
     */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
