package org.vertebra.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.vertebra.secret.SecretTokens;

/**
 * Each request's id, sent back as {@code X-Request-Id} so that a person reporting a problem, the
 * access log and the audit log name the same request. A proxy in front may give one (nginx's
 * {@code $request_id}); an id that is not a plain token is replaced rather than stored.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "vertebra.request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestId() {
    }

    /** The before-handler: takes the proxy's id when it is plain, else makes one, and answers with it. */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : SecretTokens.newToken().substring(0, 22);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** This request's id, or null for a request no before-handler saw. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
