package org.vertebra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The JSON API's error object, {@code {"errors": {FIELD: MESSAGE}}} (docs/guide/api.md), for the
 * answers the site gives before or instead of an API route: a refusal by the guard, an address
 * that does not exist, a failure. Its callers are programs, which an HTML page would not help.
 */
public final class JsonErrors {

    /** Where the JSON API's addresses begin. */
    public static final String API_PREFIX = "/api/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    /** Sends the error object with one message, never cached. */
    public static void send(Context ctx, int status, String field, String message) {
        try {
            ctx.header("Cache-Control", "no-store");
            ctx.status(status).contentType("application/json; charset=utf-8")
                    .result(JSON.writeValueAsString(Map.of("errors", Map.of(field, message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of two strings is always JSON", e);
        }
    }
}
