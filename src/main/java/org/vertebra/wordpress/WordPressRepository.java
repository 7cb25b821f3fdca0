package org.vertebra.wordpress;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The tables of V11: what each WordPress id became, and the old addresses that still answer. */
final class WordPressRepository {

    /** Where an old address leads: an article (by id, followed to its current slug) or a fixed address. */
    record LegacyTarget(Long articleId, String target) {
    }

    private final Jdbi jdbi;

    WordPressRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Long> mapped(String kind, long wpId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT vertebra_id FROM wordpress_items WHERE kind = :kind AND wp_id = :wpId")
                .bind("kind", kind).bind("wpId", wpId).mapTo(Long.class).findOne());
    }

    void map(String kind, long wpId, long vertebraId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO wordpress_items (kind, wp_id, vertebra_id, imported_at) VALUES (:kind, :wpId, :vid, :now)
                        ON CONFLICT (kind, wp_id) DO UPDATE SET vertebra_id = excluded.vertebra_id, imported_at = excluded.imported_at""")
                .bind("kind", kind).bind("wpId", wpId).bind("vid", vertebraId).bind("now", now.toEpochMilli()).execute());
    }

    /** Records (or re-points) an old address; {@code path} is as {@link LegacyPaths#key} writes it. */
    void legacy(String path, Long articleId, String target, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO legacy_urls (path, article_id, target, created_at) VALUES (:path, :article, :target, :now)
                        ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, target = excluded.target""")
                .bind("path", path).bind("article", articleId).bind("target", target).bind("now", now.toEpochMilli())
                .execute());
    }

    Optional<LegacyTarget> legacy(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, target FROM legacy_urls WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> {
                    long article = rs.getLong("article_id");
                    return new LegacyTarget(rs.wasNull() ? null : article, rs.getString("target"));
                }).findOne());
    }
}
