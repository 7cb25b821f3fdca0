package org.vertebra.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The contact_messages table: the contact form's messages and when the admin read them. */
final class ContactRepository {

    private final Jdbi jdbi;

    ContactRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a message; returns its id. */
    long add(ContactForm form, String addressHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO contact_messages (topic, name, email, message, address_hash, created_at)
                        VALUES (:topic, :name, :email, :message, :hash, :now) RETURNING id""")
                .bind("topic", form.topic().key()).bind("name", form.name()).bind("email", form.email())
                .bind("message", form.message()).bind("hash", addressHash).bind("now", now)
                .mapTo(Long.class).one());
    }

    /** The newest messages first. */
    List<ContactMessage> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, topic, name, email, message, created_at, read_at FROM contact_messages
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit).map(ConstructorMapper.of(ContactMessage.class)).list());
    }

    /** The messages sent from an address (in any case), oldest first, as their owner's data export shows them. */
    List<Map<String, Object>> exportByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT topic, name, email, message, created_at FROM contact_messages WHERE LOWER(email) = :email
                        ORDER BY created_at, id""")
                .bind("email", email.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> Map.<String, Object>of("topic", rs.getString("topic"), "name", rs.getString("name"),
                        "email", rs.getString("email"), "message", rs.getString("message"),
                        "sent_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString()))
                .list());
    }

    int deleteByEmail(String email) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM contact_messages WHERE LOWER(email) = :email")
                .bind("email", email.toLowerCase(Locale.ROOT)).execute());
    }

    int countUnread() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contact_messages WHERE read_at IS NULL")
                .mapTo(Integer.class).one());
    }

    /** Sets when a message was first read (a second reading keeps the first time); 0 when there is no such message. */
    int markRead(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE contact_messages SET read_at = COALESCE(read_at, :now) WHERE id = :id""")
                .bind("now", now).bind("id", id).execute());
    }
}
