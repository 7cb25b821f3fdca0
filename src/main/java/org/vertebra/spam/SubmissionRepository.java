package org.vertebra.spam;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** The form_submissions table: when each public form was sent, by the salted hash of the sender's address. */
final class SubmissionRepository {

    private final Jdbi jdbi;

    SubmissionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void add(String form, String addressHash, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO form_submissions (form, address_hash, created_at) VALUES (:form, :hash, :now)")
                .bind("form", form).bind("hash", addressHash).bind("now", at).execute());
    }

    int countSince(String form, String addressHash, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM form_submissions WHERE form = :form AND address_hash = :hash AND created_at >= :since""")
                .bind("form", form).bind("hash", addressHash).bind("since", since).mapTo(Integer.class).one());
    }

    int deleteBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM form_submissions WHERE created_at < :before")
                .bind("before", before).execute());
    }
}
