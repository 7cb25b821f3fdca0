package org.vertebra.media;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The library's files in the database, so that every node on one PostgreSQL serves every upload
 * and a database backup holds the media too. Writes join the caller's transaction: an import that
 * fails leaves no file behind.
 */
public final class DatabaseMediaStore implements MediaStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public DatabaseMediaStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void write(String path, byte[] bytes) {
        check(path);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO media_files (path, bytes, byte_size, stored_at) VALUES (:path, :bytes, :size, :at)""")
                .bind("path", path)
                .bind("bytes", bytes)
                .bind("size", bytes.length)
                .bind("at", clock.instant())
                .execute());
    }

    @Override
    public boolean exists(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media_files WHERE path = :path")
                .bind("path", path).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public Optional<byte[]> read(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT bytes FROM media_files WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
    }

    @Override
    public void delete(String path) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM media_files WHERE path = :path").bind("path", path).execute());
    }

    @Override
    public boolean joinsTransactions() {
        return true;
    }

    private static void check(String path) {
        if (!MediaStore.isSafe(path)) {
            throw new IllegalArgumentException("not a media path: " + path);
        }
    }
}
