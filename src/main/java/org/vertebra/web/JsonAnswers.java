package org.vertebra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/**
 * How the site answers a program in JSON: the API's routes and the admin's JSON look-ups send
 * their bodies here, never cached (each answer is for one caller at one moment), and the answers
 * the site gives before or instead of an API route (a refusal by the guard, an address that does
 * not exist, a failure) are the API's error object, {@code {"errors": {FIELD: MESSAGE}}}
 * (docs/guide/api.md), since an HTML page would not help a program.
 */
public final class JsonAnswers {

    /** Where the JSON API's addresses begin. */
    static final String API_PREFIX = "/api/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    /** Whether the request is for the JSON API, so that a refusal, a miss or a failure answers in JSON. */
    public static boolean forApi(Context ctx) {
        return ctx.path().startsWith(API_PREFIX);
    }

    /** Sends the body as JSON with this status, never cached. */
    public static void send(Context ctx, int status, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer's record could not be written as JSON", e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    /** Sends the error object with one message. */
    public static void error(Context ctx, int status, String field, String message) {
        send(ctx, status, Map.of("errors", Map.of(field, message)));
    }
}
