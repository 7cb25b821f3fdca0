package org.vertebra.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The privacy_requests table: who asked for their data, when it was exported and erased. */
final class PrivacyRequestRepository {

    private static final String SELECT =
            "SELECT id, email, email_hash, created_at, exported_at, erased_at, erased_rows FROM privacy_requests ";

    private final Jdbi jdbi;

    PrivacyRequestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a request for an address (already in lower case); returns its id. */
    long add(String email, String emailHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO privacy_requests (email, email_hash, created_at) VALUES (:email, :hash, :now) RETURNING id""")
                .bind("email", email).bind("hash", emailHash).bind("now", now)
                .mapTo(Long.class).one());
    }

    Optional<PrivacyRequest> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id")
                .bind("id", id).map(ConstructorMapper.of(PrivacyRequest.class)).findOne());
    }

    /** The newest requests first. */
    List<PrivacyRequest> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(ConstructorMapper.of(PrivacyRequest.class)).list());
    }

    void markExported(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE privacy_requests SET exported_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute());
    }

    /** Notes the erasure on the request, and clears the address of every request for it (by its hash). */
    void markErased(long id, String emailHash, int rows, Instant now) {
        jdbi.useHandle(h -> {
            h.createUpdate("UPDATE privacy_requests SET erased_at = :now, erased_rows = :rows WHERE id = :id")
                    .bind("now", now).bind("rows", rows).bind("id", id).execute();
            h.createUpdate("UPDATE privacy_requests SET email = NULL WHERE email_hash = :hash")
                    .bind("hash", emailHash).execute();
        });
    }
}
