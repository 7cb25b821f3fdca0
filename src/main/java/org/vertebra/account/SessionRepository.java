package org.vertebra.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The sessions table, shared by every server on the database. Rows are keyed by the token's SHA-256. */
final class SessionRepository {

    /** A stored session with its account. */
    record StoredSession(UserRepository.Credentials account, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }

    private final Jdbi jdbi;

    SessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long userId, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
                        VALUES (:hash, :user, :now, :now, :expires)""")
                .bind("hash", tokenHash).bind("user", userId).bind("now", now).bind("expires", expiresAt).execute());
    }

    Optional<StoredSession> find(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at, u.password_hash,
                               s.created_at AS session_created, s.last_seen_at, s.expires_at
                        FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new StoredSession(UserRepository.map(rs),
                        Instant.ofEpochMilli(rs.getLong("session_created")),
                        Instant.ofEpochMilli(rs.getLong("last_seen_at")),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    void touch(String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("hash", tokenHash).bind("now", now).execute());
    }

    void delete(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }

    /** Ends every session of this user but the one kept (null keeps none); returns how many ended. */
    int deleteForUser(long userId, String keptTokenHash) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM sessions WHERE user_id = :user AND token_hash <> :kept")
                .bind("user", userId).bind("kept", keptTokenHash == null ? "" : keptTokenHash).execute());
    }

    int countForUser(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE user_id = :user")
                .bind("user", userId).mapTo(Integer.class).one());
    }

    /** Removes sessions past their absolute expiry or idle since before the cut-off. */
    int deleteExpired(Instant now, Instant idleBefore) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idle")
                .bind("now", now).bind("idle", idleBefore).execute());
    }
}
