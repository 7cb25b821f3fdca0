package org.vertebra.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The tables of two-step sign-in: each account's TOTP secret, its recovery codes, and pending sign-ins. */
final class TwoFactorRepository {

    /** An account's TOTP secret; {@code confirmedAt} null while enrolment is not finished. */
    record Secret(String secret, Instant confirmedAt, long lastStep) {
        boolean on() {
            return confirmedAt != null;
        }
    }

    private final Jdbi jdbi;

    TwoFactorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Secret> secret(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret, confirmed_at, last_step FROM two_factor WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> {
                    long confirmed = rs.getLong("confirmed_at");
                    Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
                    return new Secret(rs.getString("secret"), confirmedAt, rs.getLong("last_step"));
                }).findOne());
    }

    boolean isOn(long userId) {
        return secret(userId).map(Secret::on).orElse(false);
    }

    /** Starts (or starts again) an unconfirmed enrolment with this secret. */
    void start(long userId, String secret, Instant now) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM two_factor WHERE user_id = :user AND confirmed_at IS NULL").bind("user", userId).execute();
            h.createUpdate("INSERT INTO two_factor (user_id, secret, started_at, last_step) VALUES (:user, :secret, :now, 0)")
                    .bind("user", userId).bind("secret", secret).bind("now", now).execute();
        });
    }

    void confirm(long userId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE two_factor SET confirmed_at = :now WHERE user_id = :user")
                .bind("user", userId).bind("now", now).execute());
    }

    /**
     * Notes that the code of this step was used, unless it or a later one already was: true only for
     * the first use, so that two servers given the same code at once accept it once.
     */
    boolean useStep(long userId, long step) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE two_factor SET last_step = :step WHERE user_id = :user AND last_step < :step")
                .bind("user", userId).bind("step", step).execute()) == 1;
    }

    void delete(long userId) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM two_factor_recovery_codes WHERE user_id = :user").bind("user", userId).execute();
            h.createUpdate("DELETE FROM two_factor WHERE user_id = :user").bind("user", userId).execute();
        });
    }

    void replaceRecoveryCodes(long userId, List<String> hashes) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM two_factor_recovery_codes WHERE user_id = :user").bind("user", userId).execute();
            for (String hash : hashes) {
                h.createUpdate("INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (:user, :hash)")
                        .bind("user", userId).bind("hash", hash).execute();
            }
        });
    }

    /** Marks an unused recovery code used; true when there was one to use. */
    boolean useRecoveryCode(long userId, String hash, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE two_factor_recovery_codes SET used_at = :now
                        WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
                .bind("user", userId).bind("hash", hash).bind("now", now).execute()) > 0;
    }

    int unusedRecoveryCodes(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :user AND used_at IS NULL")
                .bind("user", userId).mapTo(Integer.class).one());
    }

    /** Active accounts whose role is one of these and who have not turned two-step sign-in on. */
    int countWithout(List<String> roles) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM users u
                        WHERE u.disabled = FALSE AND u.role IN (<roles>)
                          AND NOT EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL)""")
                .bindList("roles", roles).mapTo(Integer.class).one());
    }

    /** The accounts with two-step sign-in on. */
    java.util.Set<Long> usersWithItOn() {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM two_factor WHERE confirmed_at IS NOT NULL")
                .mapTo(Long.class).set());
    }

    void insertPending(String tokenHash, long userId, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO sign_in_pending (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                .bind("hash", tokenHash).bind("user", userId).bind("expires", expiresAt).execute());
    }

    /** The account waiting for its second step under this token, unless the step has expired. */
    Optional<Long> pendingUser(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM sign_in_pending WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne());
    }

    void deletePending(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_pending WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }

    int deleteExpiredPending(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sign_in_pending WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
