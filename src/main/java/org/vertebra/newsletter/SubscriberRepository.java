package org.vertebra.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The subscribers and newsletter_digests tables. */
final class SubscriberRepository {

    private static final String COLUMNS = "id, email, status, source, created_at, confirmed_at, unsubscribed_at, "
            + "confirm_sent_at, unsubscribe_key";

    /** A digest as recorded. */
    record DigestRecord(long id, Instant periodStart, Instant periodEnd, int recipients, Instant sentAt) {
    }

    private final Jdbi jdbi;

    SubscriberRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    int delete(String email) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM subscribers WHERE email = :email").bind("email", email).execute());
    }

    Optional<Subscriber> byEmail(String email) {
        return one("email = :v", email);
    }

    Optional<Subscriber> byId(long id) {
        return one("id = :v", id);
    }

    Optional<Subscriber> byConfirmHash(String hash) {
        return one("confirm_hash = :v", hash);
    }

    /** When the confirmation token with this hash expires, if such a token is waiting. */
    Optional<Instant> confirmExpiry(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT confirm_expires_at FROM subscribers WHERE id = :id")
                .bind("id", id).mapTo(Instant.class).findOne());
    }

    long insert(String email, String status, String source, String unsubscribeKey, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO subscribers (email, status, source, unsubscribe_key, created_at, confirmed_at, unsubscribed_at)
                        VALUES (:email, :status, :source, :key, :now, :confirmedAt, :unsubscribedAt)
                        RETURNING id""")
                .bind("email", email).bind("status", status).bind("source", source).bind("key", unsubscribeKey)
                .bind("now", now)
                .bindByType("confirmedAt", Subscriber.CONFIRMED.equals(status) ? now : null, Instant.class)
                .bindByType("unsubscribedAt", Subscriber.UNSUBSCRIBED.equals(status) ? now : null, Instant.class)
                .mapTo(Long.class).one());
    }

    /** Makes the address pending with a fresh confirmation token (the hash of it). */
    void awaitConfirmation(long id, String tokenHash, Instant expires, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE subscribers SET status = 'pending', confirm_hash = :hash, confirm_expires_at = :expires,
                               confirm_sent_at = :now WHERE id = :id""")
                .bind("hash", tokenHash).bind("expires", expires).bind("now", now).bind("id", id).execute());
    }

    void confirm(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE subscribers SET status = 'confirmed', confirmed_at = :now, unsubscribed_at = NULL,
                               confirm_hash = NULL, confirm_expires_at = NULL WHERE id = :id""")
                .bind("now", now).bind("id", id).execute());
    }

    void unsubscribe(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :now,
                               confirm_hash = NULL, confirm_expires_at = NULL WHERE id = :id""")
                .bind("now", now).bind("id", id).execute());
    }

    List<Subscriber> withStatus(String status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE status = :status ORDER BY id")
                .bind("status", status).map(ConstructorMapper.of(Subscriber.class)).list());
    }

    List<Subscriber> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers ORDER BY email")
                .map(ConstructorMapper.of(Subscriber.class)).list());
    }

    Map<String, Integer> countsByStatus() {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<DigestRecord> lastDigest() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, period_start, period_end, recipients, sent_at FROM newsletter_digests
                        ORDER BY id DESC LIMIT 1""")
                .map(ConstructorMapper.of(DigestRecord.class)).findOne());
    }

    /** Records a digest; 0 when another server recorded the one following the same digest first. */
    int recordDigest(long follows, Instant periodStart, Instant periodEnd, String articleIds, int recipients, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO newsletter_digests (follows_digest, period_start, period_end, article_ids, recipients, sent_at)
                        VALUES (:follows, :start, :end, :ids, :recipients, :now) ON CONFLICT (follows_digest) DO NOTHING""")
                .bind("follows", follows).bind("start", periodStart).bind("end", periodEnd).bind("ids", articleIds)
                .bind("recipients", recipients).bind("now", now).execute());
    }

    private Optional<Subscriber> one(String condition, Object value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE " + condition)
                .bind("v", value).map(ConstructorMapper.of(Subscriber.class)).findOne());
    }
}
