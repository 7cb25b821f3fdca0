package org.vertebra.data;

import org.jdbi.v3.core.Jdbi;

/**
 * A counter of content changes kept in the database. Every change to what public pages show
 * bumps it in the same transaction; each server compares it with the value its page cache was
 * built at, so a change made by another process (an import, another node) reaches every cache.
 */
public final class ContentChanges {

    private final Jdbi jdbi;

    public ContentChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void bump() {
        jdbi.useHandle(h -> h.createUpdate("UPDATE content_version SET version = version + 1 WHERE id = 1").execute());
    }

    public long current() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM content_version WHERE id = 1").mapTo(Long.class).one());
    }
}
