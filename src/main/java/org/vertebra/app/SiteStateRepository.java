package org.vertebra.app;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The site_state table: one value per name, the installation's own facts and secrets. */
final class SiteStateRepository {

    private final Jdbi jdbi;

    SiteStateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<String> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_state WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /** One conditional UPDATE, so of several servers at most one replaces the value; 1 when this one did. */
    int replace(String name, String expected, String value) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE site_state SET value = :value WHERE name = :name AND value = :expected")
                .bind("name", name).bind("expected", expected).bind("value", value).execute());
    }

    /** Inserts the value unless the name has one; 1 when this call inserted it. */
    int insertIfAbsent(String name, String value) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO site_state (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", name).bind("value", value).execute());
    }
}
