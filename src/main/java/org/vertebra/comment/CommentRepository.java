package org.vertebra.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The comments table. */
final class CommentRepository {

    private static final String SELECT = """
            SELECT id, article_id, parent_id, reply_to_id, name, email, body_md, body_html, status, status_reason,
                   notify, staff_user_id, created_at, approved_at FROM comments\s""";

    private final Jdbi jdbi;

    CommentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A comment to store; the repository gives it its id. */
    record New(long articleId, Long parentId, Long replyToId, String name, String email, String addressHash,
               String bodyMarkdown, String bodyHtml, Comment.Status status, String statusReason, boolean wantsReplies,
               Long staffUserId, Instant createdAt) {
    }

    long insert(New c) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO comments (article_id, parent_id, reply_to_id, name, email, address_hash, body_md, body_html,
                                              status, status_reason, notify, staff_user_id, created_at, approved_at)
                        VALUES (:article, :parent, :replyTo, :name, :email, :addressHash, :md, :html,
                                :status, :reason, :notify, :staff, :now, :approvedAt)
                        RETURNING id""")
                .bind("article", c.articleId()).bind("parent", c.parentId()).bind("replyTo", c.replyToId())
                .bind("name", c.name()).bind("email", c.email()).bind("addressHash", c.addressHash())
                .bind("md", c.bodyMarkdown()).bind("html", c.bodyHtml()).bind("status", c.status().key())
                .bind("reason", c.statusReason()).bind("notify", c.wantsReplies()).bind("staff", c.staffUserId())
                .bind("now", c.createdAt())
                .bind("approvedAt", c.status() == Comment.Status.APPROVED ? c.createdAt() : null)
                .mapTo(Long.class).one());
    }

    /** Every comment written under this address (compared without regard to case), oldest first. */
    List<Comment> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE LOWER(email) = :email ORDER BY created_at, id")
                .bind("email", email.toLowerCase(java.util.Locale.ROOT)).map((rs, ctx) -> map(rs)).list());
    }

    /**
     * Erases the writer of every comment under this address: name, address and words are replaced,
     * the row stays so that others' replies keep their place in the thread.
     */
    int anonymise(String email, String name, String markdown, String html) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE comments SET name = :name, email = '', address_hash = NULL, body_md = :md, body_html = :html,
                               notify = FALSE WHERE LOWER(email) = :email""")
                .bind("name", name).bind("md", markdown).bind("html", html)
                .bind("email", email.toLowerCase(java.util.Locale.ROOT)).execute());
    }

    Optional<Comment> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** Stops (or starts) reply emails for a comment; false when there is no such comment. */
    boolean setWantsReplies(long id, boolean wants) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE comments SET notify = :wants WHERE id = :id")
                .bind("id", id).bind("wants", wants).execute()) == 1;
    }

    /** An article's approved comments, oldest first. */
    List<Comment> approvedOn(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE article_id = :article AND status = 'approved' ORDER BY created_at, id")
                .bind("article", articleId).map((rs, ctx) -> map(rs)).list());
    }

    /** An article's approved comments, oldest first, and how many approved comments each of some other articles has. */
    record ApprovedWithCounts(List<Comment> approved, Map<Long, Integer> counts) {
    }

    /**
     * As {@link #approvedOn} and {@link #approvedCounts} at once, in one statement: an article
     * page's comments and its related cards' counts. "part" tells the rows apart; a count row
     * carries its article's id and "n", and NULL in the comment's columns.
     */
    ApprovedWithCounts approvedOnWithCounts(long articleId, Collection<Long> counted) {
        if (counted.isEmpty()) {
            return new ApprovedWithCounts(approvedOn(articleId), Map.of());
        }
        List<Comment> approved = new java.util.ArrayList<>();
        Map<Long, Integer> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT 'comment' AS part, id, article_id, parent_id, reply_to_id, name, email, body_md, body_html,
                               status, status_reason, notify, staff_user_id, created_at, approved_at, CAST(NULL AS BIGINT) AS n
                        FROM comments WHERE article_id = :article AND status = 'approved'
                        UNION ALL
                        SELECT 'count', NULL, article_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                               COUNT(*)
                        FROM comments WHERE status = 'approved' AND article_id IN (<ids>) GROUP BY article_id
                        ORDER BY part, created_at, id""")
                .bind("article", articleId).bindList("ids", List.copyOf(counted))
                .map((rs, ctx) -> "count".equals(rs.getString("part")) ? Map.entry(rs.getLong("article_id"), rs.getInt("n")) : map(rs))
                .forEach(row -> {
                    if (row instanceof Comment comment) {
                        approved.add(comment);
                    } else if (row instanceof Map.Entry<?, ?> count) {
                        counts.put((Long) count.getKey(), (Integer) count.getValue());
                    }
                }));
        return new ApprovedWithCounts(List.copyOf(approved), counts);
    }

    /** The queue: comments with this status, newest first. */
    List<Comment> withStatus(Comment.Status status, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE status = :status ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("status", status.key()).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> map(rs)).list());
    }

    int count(Comment.Status status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE status = :status")
                .bind("status", status.key()).mapTo(Integer.class).one());
    }

    /** Whether a comment from this address was ever approved. */
    boolean hasApproved(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE email = :email AND status = 'approved'")
                .bind("email", email).mapTo(Integer.class).one()) > 0;
    }

    /** Approved comments per article, for the articles that have any. */
    Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT article_id, COUNT(*) AS n FROM comments
                        WHERE status = 'approved' AND article_id IN (<ids>) GROUP BY article_id""")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Sets the status; the first approval also sets approved_at. Returns the rows changed. */
    int setStatus(long id, Comment.Status status, String reason, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE comments SET status = :status, status_reason = :reason,
                               approved_at = CASE WHEN :approve AND approved_at IS NULL THEN :now ELSE approved_at END
                        WHERE id = :id""")
                .bind("status", status.key()).bind("reason", reason).bind("approve", status == Comment.Status.APPROVED)
                .bind("now", now).bind("id", id).execute());
    }

    private static Comment map(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), longOrNull(rs, "parent_id"),
                longOrNull(rs, "reply_to_id"), rs.getString("name"), rs.getString("email"), rs.getString("body_md"),
                rs.getString("body_html"), Comment.Status.of(rs.getString("status")), rs.getString("status_reason"),
                rs.getBoolean("notify"), longOrNull(rs, "staff_user_id"), instant(rs, "created_at"),
                instant(rs, "approved_at"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
