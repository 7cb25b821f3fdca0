package org.vertebra.app;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Facts about this installation kept in the database, such as whether its first run is done. */
final class SiteState {

    static final String INITIALIZED = "initialized";

    private final Jdbi jdbi;

    SiteState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_state WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /** Sets a value unless one is set; true when this call set it, so only one process does first-run work. */
    boolean claim(String name, String value) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO site_state (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", name).bind("value", value).execute()) == 1;
    }
}
