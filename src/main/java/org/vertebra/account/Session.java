package org.vertebra.account;

/** A signed-in session: its account and the secret token its cookie carries. */
public record Session(User user, String token) {

    /** The token forms of this session carry, so that other sites cannot post them (see {@link CsrfTokens}). */
    public String csrfToken() {
        return CsrfTokens.forSecret(token);
    }

    @Override
    public String toString() {
        return "Session[user=" + user.id() + "]";
    }
}
