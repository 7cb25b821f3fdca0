package org.vertebra.redirect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The redirects table and the log of addresses not found. */
final class RedirectRepository {

    private static final String COLUMNS = "id, source_path, target, kind, note, created_by, created_at, updated_by, updated_at, "
            + "hits, last_hit_at";
    private static final String MATCHES = " WHERE LOWER(source_path) LIKE :q ESCAPE '!' OR LOWER(COALESCE(target, '')) LIKE :q "
            + "ESCAPE '!' OR LOWER(COALESCE(note, '')) LIKE :q ESCAPE '!'";

    private final Jdbi jdbi;

    RedirectRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Redirect> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM redirects").map(RedirectRepository::redirect).list());
    }

    /** A page of redirects whose source, target or note holds {@code search} (empty: all), newest change first. */
    List<Redirect> page(String search, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM redirects" + MATCHES
                        + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("q", like(search)).bind("limit", limit).bind("offset", offset).map(RedirectRepository::redirect).list());
    }

    long count(String search) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM redirects" + MATCHES).bind("q", like(search))
                .mapTo(Long.class).one());
    }

    Optional<Redirect> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM redirects WHERE id = :id").bind("id", id)
                .map(RedirectRepository::redirect).findOne());
    }

    Optional<Redirect> bySource(String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM redirects WHERE source_path = :source")
                .bind("source", source).map(RedirectRepository::redirect).findOne());
    }

    long insert(RedirectChange change, String by, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO redirects (source_path, target, kind, note, created_by, created_at, updated_by, updated_at, hits)
                        VALUES (:source, :target, :kind, :note, :by, :now, :by, :now, 0) RETURNING id""")
                .bind("source", change.source()).bind("target", change.target()).bind("kind", change.kind().status())
                .bind("note", change.note()).bind("by", by).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one());
    }

    void update(long id, RedirectChange change, String by, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE redirects SET source_path = :source, target = :target, kind = :kind, note = :note,
                        updated_by = :by, updated_at = :now WHERE id = :id""")
                .bind("id", id).bind("source", change.source()).bind("target", change.target()).bind("kind", change.kind().status())
                .bind("note", change.note()).bind("by", by).bind("now", now.toEpochMilli()).execute());
    }

    void delete(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM redirects WHERE id = :id").bind("id", id).execute());
    }

    /** Adds counted hits, one statement per redirect in one batch. */
    void addHits(Map<Long, RedirectRecorder.Tally> hits) {
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE redirects SET hits = hits + :n,
                    last_hit_at = CASE WHEN last_hit_at IS NULL OR last_hit_at < :at THEN :at ELSE last_hit_at END
                    WHERE id = :id""");
            hits.forEach((id, tally) -> batch.bind("id", id).bind("n", tally.count()).bind("at", tally.last().toEpochMilli()).add());
            batch.execute();
        });
    }

    /** Adds counted misses to their paths' rows, making rows for new paths, in one batch. */
    void addMisses(Map<String, RedirectRecorder.Tally> misses) {
        jdbi.useHandle(h -> {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO not_found_paths (path, hits, first_seen_at, last_seen_at, referrer_host)
                VALUES (:path, :n, :first, :last, :host)
                ON CONFLICT (path) DO UPDATE SET hits = not_found_paths.hits + excluded.hits,
                last_seen_at = excluded.last_seen_at,
                referrer_host = COALESCE(excluded.referrer_host, not_found_paths.referrer_host)""");
        misses.forEach((path, tally) -> batch.bind("path", path).bind("n", tally.count())
                .bind("first", tally.first().toEpochMilli()).bind("last", tally.last().toEpochMilli())
                .bind("host", tally.referrerHost()).add());
        batch.execute();
        });
    }


    /** Keeps the {@code keep} most recently seen paths; returns how many were forgotten. */
    int trimMisses(int keep) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM not_found_paths WHERE path NOT IN
                        (SELECT path FROM (SELECT path FROM not_found_paths ORDER BY last_seen_at DESC, path LIMIT :keep) kept)""")
                .bind("keep", keep).execute());
    }

    List<NotFoundPath> mostFrequentMisses(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT path, hits, first_seen_at, last_seen_at, referrer_host FROM not_found_paths
                        ORDER BY hits DESC, last_seen_at DESC, path LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> new NotFoundPath(rs.getString("path"), rs.getLong("hits"),
                        Instant.ofEpochMilli(rs.getLong("first_seen_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")),
                        rs.getString("referrer_host"))).list());
    }

    long missCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM not_found_paths").mapTo(Long.class).one());
    }

    void forgetMiss(String path) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM not_found_paths WHERE path = :path").bind("path", path).execute());
    }

    private static String like(String search) {
        String s = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        return "%" + s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static Redirect redirect(ResultSet rs, StatementContext ctx) throws SQLException {
        long lastHit = rs.getLong("last_hit_at");
        Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(lastHit);
        return new Redirect(rs.getLong("id"), rs.getString("source_path"), rs.getString("target"),
                RedirectKind.ofStatus(rs.getInt("kind")), rs.getString("note"), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("updated_by"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getLong("hits"), last);
    }
}
