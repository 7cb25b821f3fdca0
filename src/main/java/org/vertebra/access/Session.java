package org.vertebra.access;

/**
 * A signed-in session: its account, the secret token its cookie carries, and when it ends: unused
 * until {@code idleEndsAt}, or at {@code endsAt} however busy ({@link SessionPolicy}).
 */
public record Session(User user, String token, java.time.Instant idleEndsAt, java.time.Instant endsAt) {

    /** When it ends first, as things stand. */
    public java.time.Instant endsFirst() {
        return idleEndsAt.isBefore(endsAt) ? idleEndsAt : endsAt;
    }

    /** The token forms of this session carry, so that other sites cannot post them (see {@link CsrfTokens}). */
    public String csrfToken() {
        return CsrfTokens.forSecret(token);
    }

    @Override
    public String toString() {
        return "Session[user=" + user.id() + "]";
    }
}
