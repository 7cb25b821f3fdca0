package org.vertebra.author;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The authors table. */
final class AuthorRepository {

    private static final String SELECT = "SELECT id, slug, name, credentials, bio, photo_id, website, links FROM authors ";

    private final Jdbi jdbi;

    AuthorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Author> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    Optional<Author> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE name = :name ORDER BY id LIMIT 1").bind("name", name)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    List<Author> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> map(rs)).list());
    }

    Author insert(String slug, String name, Instant now) {
        long id = jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO authors (slug, name, created_at) VALUES (:slug, :name, :now) RETURNING id")
                .bind("slug", slug).bind("name", name).bind("now", now)
                .mapTo(Long.class).one());
        return new Author(id, slug, name, null, null, null, null, List.of());
    }

    void updateProfile(long id, String credentials, String bio, Long photoId, String website) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE authors SET credentials = :credentials, bio = :bio, photo_id = :photoId, website = :website
                        WHERE id = :id""")
                .bind("id", id).bind("credentials", credentials).bind("bio", bio)
                .bind("photoId", photoId).bind("website", website)
                .execute());
    }

    List<Author> withPhoto(long mediaId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE photo_id = :id ORDER BY name, id").bind("id", mediaId)
                .map((rs, ctx) -> map(rs)).list());
    }

    int clearPhoto(long mediaId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE authors SET photo_id = NULL WHERE photo_id = :id")
                .bind("id", mediaId).execute());
    }

    List<Author> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY name, id").map((rs, ctx) -> map(rs)).list());
    }

    void update(long id, AuthorProfileChange change) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE authors SET name = :name, slug = :slug, credentials = :credentials, bio = :bio,
                        photo_id = :photoId, website = :website, links = :links WHERE id = :id""")
                .bind("id", id).bind("name", change.name()).bind("slug", change.slug())
                .bind("credentials", change.credentials()).bind("bio", change.bio()).bind("photoId", change.photoId())
                .bind("website", change.website())
                .bind("links", change.links().isEmpty() ? null : String.join("\n", change.links()))
                .execute());
    }

    private static Author map(ResultSet rs) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("credentials"),
                rs.getString("bio"), rs.getObject("photo_id") == null ? null : rs.getLong("photo_id"), rs.getString("website"),
                rs.getString("links") == null ? List.of() : List.of(rs.getString("links").split("\n")));
    }
}
