package org.vertebra.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The tables of two-step sign-in: each account's TOTP secret, its recovery codes, and pending
 * sign-ins. Secrets and codes arrive sealed ({@link TwoFactorSeal}); this class stores text.
 */
final class TwoFactorRepository {

    /** An account's TOTP secret as stored (sealed); {@code confirmedAt} null while enrolment is not finished. */
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

    /** A recovery code's row: its id, account and hash as stored (sealed). */
    record StoredCode(long id, long userId, String stored) {
    }

    /** An account's TOTP secret as stored, for sealing again. */
    record StoredKey(long userId, String stored) {
    }

    List<StoredCode> unusedCodes(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, user_id, code_hash FROM two_factor_recovery_codes WHERE user_id = :user AND used_at IS NULL ORDER BY id")
                .bind("user", userId)
                .map((rs, ctx) -> new StoredCode(rs.getLong("id"), rs.getLong("user_id"), rs.getString("code_hash"))).list());
    }

    /** Marks an unused recovery code used; true only for the first use, so that two servers given it at once accept it once. */
    boolean useRecoveryCode(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE two_factor_recovery_codes SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .bind("id", id).bind("now", now).execute()) > 0;
    }

    List<StoredKey> allKeys() {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id, secret FROM two_factor ORDER BY user_id")
                .map((rs, ctx) -> new StoredKey(rs.getLong("user_id"), rs.getString("secret"))).list());
    }

    List<StoredCode> allCodes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, code_hash FROM two_factor_recovery_codes ORDER BY id")
                .map((rs, ctx) -> new StoredCode(rs.getLong("id"), rs.getLong("user_id"), rs.getString("code_hash"))).list());
    }

    /** Replaces a stored key with the same key sealed anew, unless a server changed it meanwhile; true when replaced. */
    boolean replaceKey(long userId, String old, String fresh) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE two_factor SET secret = :fresh WHERE user_id = :user AND secret = :old")
                .bind("user", userId).bind("old", old).bind("fresh", fresh).execute()) == 1;
    }

    /** As {@link #replaceKey}, for a recovery code's hash. */
    boolean replaceCode(long id, String old, String fresh) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE two_factor_recovery_codes SET code_hash = :fresh WHERE id = :id AND code_hash = :old")
                .bind("id", id).bind("old", old).bind("fresh", fresh).execute()) == 1;
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
