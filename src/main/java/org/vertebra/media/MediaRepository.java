package org.vertebra.media;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The media table. */
final class MediaRepository {

    private static final String COLUMNS =
            "id, path, original_name, content_type, byte_size, width, height, sha256, alt";

    private final Jdbi jdbi;

    MediaRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<MediaItem> findBySha256(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE sha256 = :sha ORDER BY id LIMIT 1")
                .bind("sha", sha256)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    Optional<MediaItem> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    Optional<MediaItem> findByPath(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    boolean pathExists(String path) {
        return findByPath(path).isPresent();
    }

    MediaItem insert(MediaItem item, Instant now) {
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO media (path, original_name, content_type, byte_size, width, height, sha256, alt, created_at)
                        VALUES (:path, :originalName, :contentType, :byteSize, :width, :height, :sha256, :alt, :now)
                        RETURNING id""")
                .bindMethods(item)
                .bind("now", now)
                .mapTo(Long.class)
                .one());
        return new MediaItem(id, item.path(), item.originalName(), item.contentType(), item.byteSize(),
                item.width(), item.height(), item.sha256(), item.alt());
    }

    void updateAlt(long id, String alt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET alt = :alt WHERE id = :id").bind("alt", alt).bind("id", id).execute());
    }

    private static MediaItem map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("path"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("byte_size"),
                rs.getObject("width") == null ? null : rs.getInt("width"),
                rs.getObject("height") == null ? null : rs.getInt("height"),
                rs.getString("sha256"), rs.getString("alt"));
    }
}
