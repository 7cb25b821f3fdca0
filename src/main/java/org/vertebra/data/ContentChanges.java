package org.vertebra.data;

import org.jdbi.v3.core.Jdbi;

/**
 * A counter of content changes kept in the database. Every change to what public pages show
 * bumps it in the same transaction; each server compares it with the value its page cache was
 * built at, so a change made by another process (an import, another node) reaches every cache.
 * On PostgreSQL the bump also sends a notification on {@link #CHANNEL}, delivered when the
 * transaction commits, so listening servers look at once instead of at their next poll.
 */
public final class ContentChanges {

    public static final String CHANNEL = "vertebra_changes";

    private final Jdbi jdbi;
    private final boolean postgres;

    public ContentChanges(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    public void bump() {
        jdbi.useHandle(h -> {
            h.createUpdate("UPDATE content_version SET version = version + 1 WHERE id = 1").execute();
            if (postgres) {
                h.createQuery("SELECT pg_notify('" + CHANNEL + "', '')").mapTo(String.class).one();
            }
        });
    }

    public long current() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM content_version WHERE id = 1").mapTo(Long.class).one());
    }
}
