package org.vertebra.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Reading the parts of a request that admin forms share: an id in the path, a form field. */
public final class Params {

    private Params() {
    }

    /** The numeric id in the path parameter {@code name}; a path with anything else there is not found. */
    public static long id(Context ctx, String name) {
        String id = ctx.pathParam(name);
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(id);
    }

    /** The form field as sent, or "" when it was not sent. */
    public static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
