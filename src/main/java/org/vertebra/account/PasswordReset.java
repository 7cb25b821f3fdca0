package org.vertebra.account;

import java.time.Instant;
import org.vertebra.access.User;

/** A password reset link's secret, for the mail that carries it; the database keeps only its hash. */
public record PasswordReset(User user, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordReset[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
    }
}
