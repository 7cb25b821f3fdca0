package org.vertebra.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The password_resets table: single-use links, kept as the SHA-256 of their token. */
final class PasswordResetRepository {

    private final Jdbi jdbi;

    PasswordResetRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long userId, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :user, :now, :expires)""")
                .bind("hash", tokenHash).bind("user", userId).bind("now", now).bind("expires", expiresAt).execute());
    }

    /**
     * Marks an unused, unexpired link as used and returns its user; empty when the link is unknown,
     * used or expired. One UPDATE does both, so two requests cannot use one link.
     */
    Optional<Long> redeem(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE password_resets SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id""")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne());
    }

    boolean usable(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM password_resets WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).mapTo(Integer.class).one()) > 0;
    }
}
