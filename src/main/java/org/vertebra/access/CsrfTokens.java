package org.vertebra.access;

import java.util.Base64;
import org.vertebra.secret.SecretTokens;

/**
 * Tokens against cross-site request forgery. A form's token is derived from a secret that only the
 * browser's cookie holds: the session token when signed in, or, before that (the sign-in form), a
 * random value in the {@code vertebra_csrf} cookie. Another site can make the browser send the
 * cookie but cannot read it, so it cannot put the matching token in a form. Deriving rather than
 * storing the token needs no column, and since the database keeps only a hash of the session
 * token, a copy of the database yields no valid token either.
 */
public final class CsrfTokens {

    /** The hidden form field that carries the token. */
    public static final String FIELD = "_csrf";
    /** The header that carries it for scripts' requests. */
    public static final String HEADER = "X-CSRF-Token";

    private CsrfTokens() {
    }

    public static String forSecret(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretTokens.sha256("vertebra-csrf:" + secret));
    }

    /** True when the token given with a request is the one derived from this secret. */
    public static boolean matches(String secret, String given) {
        return secret != null && SecretTokens.same(forSecret(secret), given);
    }
}
