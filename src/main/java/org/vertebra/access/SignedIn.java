package org.vertebra.access;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who made this request, as the account guard found them: every feature asks here, so none of
 * them needs the account package, which itself builds on the admin's frame, the mail and the audit log.
 */
public final class SignedIn {

    private static final String SESSION = "vertebra.session";

    private SignedIn() {
    }

    /** The signed-in person; only on routes guarded by an {@link Action}, where there always is one. */
    public static User user(Context ctx) {
        return session(ctx).map(Session::user).orElseThrow(() -> new IllegalStateException(
                "no signed-in user: " + ctx.path() + " is not guarded by an Action"));
    }

    /** The session, when the request is signed in (public pages are not looked at, and see none). */
    public static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** Set by the guard once the session cookie checks out; null forgets it. */
    public static void set(Context ctx, Session session) {
        ctx.attribute(SESSION, session);
    }
}
