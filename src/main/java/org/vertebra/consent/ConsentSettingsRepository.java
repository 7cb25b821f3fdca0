package org.vertebra.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The consent settings' tables (V15): the policy's version, the owner's entries and scripts. */
final class ConsentSettingsRepository {

    private static final RowMapper<OwnerEntry> ENTRY = (rs, ctx) -> new OwnerEntry(rs.getLong("id"),
            ConsentCategory.byKey(rs.getString("category")).orElseThrow(), rs.getString("name"), rs.getString("provider"),
            rs.getString("purpose"), rs.getString("duration"));
    private static final RowMapper<OptionalScript> SCRIPT = (rs, ctx) -> new OptionalScript(rs.getLong("id"),
            ConsentCategory.byKey(rs.getString("category")).orElseThrow(), rs.getString("name"), rs.getString("src"),
            rs.getString("code"));

    private final Jdbi jdbi;

    ConsentSettingsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The policy's version; empty before the first start has set the policy up. */
    Optional<Integer> version() {
        return jdbi.withHandle(h -> h.createQuery("SELECT policy_version FROM consent_settings WHERE id = 1")
                .mapTo(Integer.class).findOne());
    }

    /** Writes the settings row unless another server did first; true when this call wrote it. */
    boolean claim(int version, String source, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO consent_settings (id, policy_version, source, updated_at) VALUES (1, :version, :source, :now)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("version", version).bind("source", source).bind("now", now).execute()) == 1;
    }

    /** One more version, so every visitor's earlier choice counts as none; the new version. */
    int raiseVersion(Instant now) {
        return jdbi.withHandle(h -> {
            h.createUpdate("UPDATE consent_settings SET policy_version = policy_version + 1, updated_at = :now WHERE id = 1")
                    .bind("now", now).execute();
            return h.createQuery("SELECT policy_version FROM consent_settings WHERE id = 1").mapTo(Integer.class).one();
        });
    }

    List<OwnerEntry> entries() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, category, name, provider, purpose, duration FROM consent_entries ORDER BY id""")
                .map(ENTRY).list());
    }

    Optional<OwnerEntry> entry(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, category, name, provider, purpose, duration FROM consent_entries WHERE id = :id""")
                .bind("id", id).map(ENTRY).findOne());
    }

    void addEntry(EntryChange change, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO consent_entries (category, name, provider, purpose, duration, created_at)
                        VALUES (:category, :name, :provider, :purpose, :duration, :now)""")
                .bind("category", change.category().key()).bind("name", change.name()).bind("provider", change.provider())
                .bind("purpose", change.purpose()).bind("duration", change.duration()).bind("now", now).execute());
    }

    boolean updateEntry(long id, EntryChange change) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consent_entries SET category = :category, name = :name, provider = :provider, purpose = :purpose,
                        duration = :duration WHERE id = :id""")
                .bind("category", change.category().key()).bind("name", change.name()).bind("provider", change.provider())
                .bind("purpose", change.purpose()).bind("duration", change.duration()).bind("id", id).execute()) == 1;
    }

    boolean removeEntry(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM consent_entries WHERE id = :id").bind("id", id).execute()) == 1;
    }

    List<OptionalScript> scripts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, category, name, src, code FROM consent_scripts ORDER BY id")
                .map(SCRIPT).list());
    }

    Optional<OptionalScript> script(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, category, name, src, code FROM consent_scripts WHERE id = :id")
                .bind("id", id).map(SCRIPT).findOne());
    }

    void addScript(ScriptChange change, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO consent_scripts (category, name, src, code, created_at) VALUES (:category, :name, :src, :code, :now)""")
                .bind("category", change.category().key()).bind("name", change.name()).bind("src", change.src())
                .bind("code", change.code()).bind("now", now).execute());
    }

    boolean updateScript(long id, ScriptChange change) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consent_scripts SET category = :category, name = :name, src = :src, code = :code WHERE id = :id""")
                .bind("category", change.category().key()).bind("name", change.name()).bind("src", change.src())
                .bind("code", change.code()).bind("id", id).execute()) == 1;
    }

    boolean removeScript(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM consent_scripts WHERE id = :id").bind("id", id).execute()) == 1;
    }
}
