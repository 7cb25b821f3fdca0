package org.vertebra.audit;

import io.javalin.http.Context;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.web.RequestId;

/** The actor of an HTTP request: the signed-in account when there is one, else an anonymous address. */
public final class RequestActor {

    private RequestActor() {
    }

    public static Actor of(Context ctx) {
        return SignedIn.session(ctx).map(s -> of(ctx, s.user())).orElseGet(() -> Actor.anonymous(ctx.ip(), RequestId.of(ctx)));
    }

    /** This account acting through this request (when the session is not on the request yet, as at sign-in). */
    public static Actor of(Context ctx, User user) {
        return Actor.account(user.id(), user.name(), ctx.ip(), RequestId.of(ctx));
    }
}
