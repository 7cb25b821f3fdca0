package org.vertebra.settings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The site_settings table: one value per setting's name, the same for every server. */
final class SiteSettingsRepository {

    private final Jdbi jdbi;

    SiteSettingsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every stored setting by name. */
    Map<String, String> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, value FROM site_settings")
                        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<String> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /** The stored ones of these settings by name; pass at least one name. */
    Map<String, String> find(Collection<String> names) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, value FROM site_settings WHERE name IN (<names>)")
                        .bindList("names", List.copyOf(names))
                        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Inserts the setting or replaces its value, in one statement so two servers saving at once cannot collide. */
    void upsert(String name, String value, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO site_settings (name, value, updated_at) VALUES (:name, :value, :now)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                .bind("name", name).bind("value", value).bind("now", now).execute());
    }

    void delete(String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM site_settings WHERE name = :name").bind("name", name).execute());
    }
}
