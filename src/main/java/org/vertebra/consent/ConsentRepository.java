package org.vertebra.consent;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The consent_log table: every choice a visitor made, by a random id and the salted hash of their address. */
final class ConsentRepository {

    private static final String SELECT =
            "SELECT id, consent_id, created_at, policy_version, categories, privacy_signal, address_hash FROM consent_log ";

    private final Jdbi jdbi;

    ConsentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void add(ConsentChoice choice, boolean privacySignal, String addressHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO consent_log (consent_id, created_at, policy_version, categories, privacy_signal, address_hash)
                        VALUES (:id, :now, :version, :categories, :signal, :hash)""")
                .bind("id", choice.id()).bind("now", now).bind("version", choice.policyVersion())
                .bind("categories", choice.optionalKeys()).bind("signal", privacySignal)
                .bind("hash", addressHash).execute());
    }

    /** The newest entries first. */
    List<ConsentRecord> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(ConstructorMapper.of(ConsentRecord.class)).list());
    }

    /** Every entry, oldest first, streamed rather than held in memory. */
    void forEach(Consumer<ConsentRecord> each) {
        jdbi.useHandle(h -> h.createQuery(SELECT + "ORDER BY created_at, id")
                .map(ConstructorMapper.of(ConsentRecord.class)).forEach(each));
    }

    int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM consent_log").mapTo(Integer.class).one());
    }
}
