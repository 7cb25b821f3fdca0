package org.vertebra.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The reading lists' SQL: reading_lists and their articles (V31). */
final class ReadingRepository {

    private static final String COLUMNS = """
            l.id, l.token_hash, l.email_sealed, l.note_sealed, l.sent_by, l.sent_by_name, l.booking_id, l.sent_at,
            l.expires_at, l.first_opened_at,
            (SELECT COUNT(*) FROM reading_list_articles a WHERE a.list_id = l.id) AS article_count
            FROM reading_lists l""";

    /** The sealed columns a rekey may replace, by the purpose they are sealed for. */
    static final String EMAIL_COLUMN = "email_sealed";
    static final String NOTE_COLUMN = "note_sealed";

    private final Jdbi jdbi;

    ReadingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new list and its articles, in the caller's transaction; returns its id. */
    long insert(String tokenHash, String emailHash, String emailSealed, String noteSealed, long sentBy, String sentByName,
                Long consultationId, Instant sentAt, Instant expiresAt, List<Long> articleIds) {
        return jdbi.withHandle(h -> {
            long id = h.createQuery("""
                            INSERT INTO reading_lists (token_hash, email_hash, email_sealed, note_sealed, sent_by, sent_by_name,
                                booking_id, sent_at, expires_at)
                            VALUES (:token, :emailHash, :email, :note, :sentBy, :sentByName, :booking, :sentAt, :expiresAt)
                            RETURNING id""")
                    .bind("token", tokenHash).bind("emailHash", emailHash).bind("email", emailSealed).bind("note", noteSealed)
                    .bind("sentBy", sentBy).bind("sentByName", sentByName).bind("booking", consultationId)
                    .bind("sentAt", sentAt).bind("expiresAt", expiresAt)
                    .mapTo(Long.class).one();
            var batch = h.prepareBatch("INSERT INTO reading_list_articles (list_id, position, article_id) VALUES (:list, :position, :article)");
            for (int i = 0; i < articleIds.size(); i++) {
                batch.bind("list", id).bind("position", i + 1).bind("article", articleIds.get(i)).add();
            }
            batch.execute();
            return id;
        });
    }

    Optional<StoredList> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " WHERE l.id = :id")
                .bind("id", id).map((rs, ctx) -> list(rs)).findOne());
    }

    /** The list's articles in the doctor's order (an article deleted since is gone from it). */
    List<Long> articleIds(long listId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id FROM reading_list_articles WHERE list_id = :id ORDER BY position")
                .bind("id", listId).mapTo(Long.class).list());
    }

    /** Notes the first opening; a later one changes nothing. True when this call noted it. */
    boolean markFirstOpened(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE reading_lists SET first_opened_at = :now WHERE id = :id AND first_opened_at IS NULL")
                .bind("id", id).bind("now", now).execute()) == 1;
    }

    /** The newest lists first: one account's, or everyone's when {@code sentBy} is null. */
    List<StoredList> newest(Long sentBy, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + (sentBy == null ? "" : " WHERE l.sent_by = :sentBy") + " ORDER BY l.sent_at DESC, l.id DESC LIMIT :limit")
                .bindByType("sentBy", sentBy, Long.class).bind("limit", limit)
                .map((rs, ctx) -> list(rs)).list());
    }

    boolean delete(long id) {
        return jdbi.withHandle(h -> {
            h.createUpdate("DELETE FROM reading_list_articles WHERE list_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM reading_lists WHERE id = :id").bind("id", id).execute() == 1;
        });
    }

    /** Deletes the lists whose link has expired by now; returns how many. */
    int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> {
            h.createUpdate("""
                    DELETE FROM reading_list_articles
                    WHERE list_id IN (SELECT id FROM reading_lists WHERE expires_at <= :now)""").bind("now", now).execute();
            return h.createUpdate("DELETE FROM reading_lists WHERE expires_at <= :now").bind("now", now).execute();
        });
    }

    List<StoredList> byAddressKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " WHERE l.email_hash = :key ORDER BY l.sent_at, l.id")
                .bind("key", key).map((rs, ctx) -> list(rs)).list());
    }

    int deleteByAddressKey(String key) {
        return jdbi.withHandle(h -> {
            h.createUpdate("""
                    DELETE FROM reading_list_articles
                    WHERE list_id IN (SELECT id FROM reading_lists WHERE email_hash = :key)""").bind("key", key).execute();
            return h.createUpdate("DELETE FROM reading_lists WHERE email_hash = :key").bind("key", key).execute();
        });
    }

    /** The next lists after this id, for a rekey that walks them all in batches. */
    List<StoredList> after(long id, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " WHERE l.id > :id ORDER BY l.id LIMIT :limit")
                .bind("id", id).bind("limit", limit).map((rs, ctx) -> list(rs)).list());
    }

    /** Replaces a sealed value only if it is still the one read; true when it was. */
    boolean replaceSealed(long id, String column, String read, String fresh) {
        if (!column.equals(EMAIL_COLUMN) && !column.equals(NOTE_COLUMN)) {
            throw new IllegalArgumentException("not a sealed column: " + column);
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE reading_lists SET " + column + " = :fresh WHERE id = :id AND "
                        + column + " = :read")
                .bind("id", id).bind("read", read).bind("fresh", fresh).execute()) == 1;
    }

    private static StoredList list(ResultSet rs) throws SQLException {
        long sentBy = rs.getLong("sent_by");
        Long by = rs.wasNull() ? null : sentBy;
        long booking = rs.getLong("booking_id");
        Long consultation = rs.wasNull() ? null : booking;
        long opened = rs.getLong("first_opened_at");
        Instant firstOpened = rs.wasNull() ? null : Instant.ofEpochMilli(opened);
        return new StoredList(rs.getLong("id"), rs.getString("token_hash"), rs.getString("email_sealed"),
                rs.getString("note_sealed"), by, rs.getString("sent_by_name"), consultation,
                Instant.ofEpochMilli(rs.getLong("sent_at")), Instant.ofEpochMilli(rs.getLong("expires_at")), firstOpened,
                rs.getInt("article_count"));
    }
}
