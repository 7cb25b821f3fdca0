package org.vertebra.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;

/** The users table. Emails arrive here already normalized (trimmed, lower-cased). */
final class UserRepository {

    private static final String SELECT = "SELECT id, email, name, role, disabled, created_at, password_hash FROM users ";

    /** A user with the hash their password is checked against. */
    record Credentials(User user, String passwordHash) {
    }

    private final Jdbi jdbi;

    UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    User insert(String email, String name, AccountRole role, String passwordHash, Instant now) {
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO users (email, name, role, password_hash, created_at, password_changed_at)
                        VALUES (:email, :name, :role, :hash, :now, :now) RETURNING id""")
                .bind("email", email).bind("name", name).bind("role", role.key()).bind("hash", passwordHash)
                .bind("now", now).mapTo(Long.class).one());
        return new User(id, email, name, role, false, now);
    }

    boolean emailExists(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE email = :email")
                .bind("email", email).mapTo(Integer.class).one()) > 0;
    }

    Optional<User> byId(long id) {
        return credentialsWhere("id = :key", id).map(Credentials::user);
    }

    Optional<Credentials> credentialsById(long id) {
        return credentialsWhere("id = :key", id);
    }

    Optional<Credentials> credentialsByEmail(String email) {
        return credentialsWhere("email = :key", email);
    }

    List<User> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY disabled, name, id")
                .map((rs, ctx) -> map(rs).user()).list());
    }

    void updatePassword(long id, String passwordHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                .bind("id", id).bind("hash", passwordHash).bind("now", now).execute());
    }

    void updateRole(long id, AccountRole role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("id", id).bind("role", role.key()).execute());
    }

    Optional<Long> authorId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT author_id FROM users WHERE id = :id AND author_id IS NOT NULL")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    void updateAuthorId(long id, Long authorId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET author_id = :authorId WHERE id = :id")
                .bind("id", id).bind("authorId", authorId).execute());
    }

    void updateDisabled(long id, boolean disabled) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET disabled = :disabled WHERE id = :id")
                .bind("id", id).bind("disabled", disabled).execute());
    }

    private Optional<Credentials> credentialsWhere(String condition, Object key) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE " + condition).bind("key", key)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    static Credentials map(ResultSet rs) throws SQLException {
        User user = new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                AccountRole.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("disabled"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
        return new Credentials(user, rs.getString("password_hash"));
    }
}
