package org.vertebra.media;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The media_files table: the library's files, when they are kept in the database. */
final class MediaFileRepository {

    private final Jdbi jdbi;

    MediaFileRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String path, byte[] bytes, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO media_files (path, bytes, byte_size, stored_at) VALUES (:path, :bytes, :size, :at)""")
                .bind("path", path)
                .bind("bytes", bytes)
                .bind("size", bytes.length)
                .bind("at", at)
                .execute());
    }

    boolean exists(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media_files WHERE path = :path")
                .bind("path", path).mapTo(Integer.class).one()) > 0;
    }

    Optional<byte[]> bytes(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT bytes FROM media_files WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
    }

    void delete(String path) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM media_files WHERE path = :path").bind("path", path).execute());
    }
}
