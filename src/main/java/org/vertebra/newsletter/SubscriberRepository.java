package org.vertebra.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The subscribers, subscriber_counts and newsletter_digests tables. Every change of a subscriber's
 * status goes through here and moves the counts in the same transaction, so the admin reads the
 * counts from three rows instead of counting the list.
 */
final class SubscriberRepository {

    private static final String COLUMNS = "id, email, status, source, created_at, confirmed_at, unsubscribed_at, "
            + "confirm_sent_at, unsubscribe_key";
    static final String COUNTS = "SELECT status, n FROM subscriber_counts";
    static final String CONFIRMED_AFTER = "SELECT " + COLUMNS
            + " FROM subscribers WHERE status = 'confirmed' AND id > :after ORDER BY id LIMIT :limit";
    static final String BY_EMAIL_AFTER = "SELECT " + COLUMNS + " FROM subscribers WHERE email > :after ORDER BY email LIMIT :limit";
    /** What a search counts at most: past that the admin reads "more than". */
    static final int MATCHES_COUNTED = 1000;

    /** A digest as recorded; {@code enqueuedAt} is null while its mails are still being written to the outbox. */
    record DigestRecord(long id, Instant periodStart, Instant periodEnd, String articleIds, int recipients, Instant sentAt,
                        long enqueuedThrough, int enqueued, Instant enqueuedAt) {
    }

    /** A new address to add. */
    record NewSubscriber(String email, String status, String unsubscribeKey) {
    }

    private final Jdbi jdbi;

    SubscriberRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    int delete(String email) {
        return jdbi.inTransaction(h -> {
            Optional<String> status = h.createQuery("SELECT status FROM subscribers WHERE email = :email")
                    .bind("email", email).mapTo(String.class).findOne();
            int deleted = h.createUpdate("DELETE FROM subscribers WHERE email = :email").bind("email", email).execute();
            if (deleted == 1) {
                count(h, status.orElseThrow(), -1);
            }
            return deleted;
        });
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

    /** The subscribers among these addresses, by address: one query for a batch of an import. */
    Map<String, Subscriber> byEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        Map<String, Subscriber> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE email IN (<emails>)")
                .bindList("emails", List.copyOf(emails)).map(ConstructorMapper.of(Subscriber.class))
                .forEach(s -> found.put(s.email(), s)));
        return found;
    }

    /** When the confirmation token with this hash expires, if such a token is waiting. */
    Optional<Instant> confirmExpiry(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT confirm_expires_at FROM subscribers WHERE id = :id")
                .bind("id", id).mapTo(Instant.class).findOne());
    }

    long insert(String email, String status, String source, String unsubscribeKey, Instant now) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO subscribers (email, status, source, unsubscribe_key, created_at, confirmed_at, unsubscribed_at)
                            VALUES (:email, :status, :source, :key, :now, :confirmedAt, :unsubscribedAt)
                            RETURNING id""")
                    .bind("email", email).bind("status", status).bind("source", source).bind("key", unsubscribeKey)
                    .bind("now", now)
                    .bindByType("confirmedAt", Subscriber.CONFIRMED.equals(status) ? now : null, Instant.class)
                    .bindByType("unsubscribedAt", Subscriber.UNSUBSCRIBED.equals(status) ? now : null, Instant.class)
                    .mapTo(Long.class).one();
            count(h, status, 1);
            return id;
        });
    }

    /** Adds new addresses with one batched statement, and their counts; the caller's transaction holds them together. */
    void insertAll(List<NewSubscriber> subscribers, String source, Instant now) {
        if (subscribers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO subscribers (email, status, source, unsubscribe_key, created_at, confirmed_at, unsubscribed_at)
                    VALUES (:email, :status, :source, :key, :now, :confirmedAt, :unsubscribedAt)""");
            Map<String, Integer> added = new HashMap<>();
            for (NewSubscriber s : subscribers) {
                batch.bind("email", s.email()).bind("status", s.status()).bind("source", source).bind("key", s.unsubscribeKey())
                        .bind("now", now)
                        .bindByType("confirmedAt", Subscriber.CONFIRMED.equals(s.status()) ? now : null, Instant.class)
                        .bindByType("unsubscribedAt", Subscriber.UNSUBSCRIBED.equals(s.status()) ? now : null, Instant.class)
                        .add();
                added.merge(s.status(), 1, Integer::sum);
            }
            batch.execute();
            added.forEach((status, n) -> count(h, status, n));
        });
    }

    /** Makes the address pending with a fresh confirmation token (the hash of it). */
    void awaitConfirmation(long id, String tokenHash, Instant expires, Instant now) {
        change(id, Subscriber.PENDING, """
                UPDATE subscribers SET status = 'pending', confirm_hash = :hash, confirm_expires_at = :expires,
                       confirm_sent_at = :now WHERE id = :id AND status = :was""",
                u -> u.bind("hash", tokenHash).bind("expires", expires).bind("now", now));
    }

    void confirm(long id, Instant now) {
        change(id, Subscriber.CONFIRMED, """
                UPDATE subscribers SET status = 'confirmed', confirmed_at = :now, unsubscribed_at = NULL,
                       confirm_hash = NULL, confirm_expires_at = NULL WHERE id = :id AND status = :was""",
                u -> u.bind("now", now));
    }

    void unsubscribe(long id, Instant now) {
        change(id, Subscriber.UNSUBSCRIBED, """
                UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :now,
                       confirm_hash = NULL, confirm_expires_at = NULL WHERE id = :id AND status = :was""",
                u -> u.bind("now", now));
    }

    /**
     * Runs a status change on the row as it was read, and moves the counts when the status moved.
     * The UPDATE names the status it read, so a concurrent change on PostgreSQL makes it match no
     * row and it reads again, rather than moving the counts from the wrong status.
     */
    private void change(long id, String to, String update, Consumer<org.jdbi.v3.core.statement.Update> binds) {
        jdbi.useTransaction(h -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<String> was = h.createQuery("SELECT status FROM subscribers WHERE id = :id").bind("id", id)
                        .mapTo(String.class).findOne();
                if (was.isEmpty()) {
                    return;
                }
                var statement = h.createUpdate(update).bind("id", id).bind("was", was.get());
                binds.accept(statement);
                if (statement.execute() == 1) {
                    if (!was.get().equals(to)) {
                        count(h, was.get(), -1);
                        count(h, to, 1);
                    }
                    return;
                }
            }
            throw new IllegalStateException("subscriber " + id + " kept changing under a status change");
        });
    }

    private static void count(Handle h, String status, long delta) {
        h.createUpdate("""
                        INSERT INTO subscriber_counts (status, n) VALUES (:status, :delta)
                        ON CONFLICT (status) DO UPDATE SET n = subscriber_counts.n + excluded.n""")
                .bind("status", status).bind("delta", delta).execute();
    }

    /** Subscribers by status, from subscriber_counts. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(COUNTS)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n"))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Confirmed subscribers after this id, in id order: one batch of a digest. */
    List<Subscriber> confirmedAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(CONFIRMED_AFTER)
                .bind("after", afterId).bind("limit", limit).map(ConstructorMapper.of(Subscriber.class)).list());
    }

    /** Subscribers after this address, in address order: one batch of the export. */
    List<Subscriber> byEmailAfter(String afterEmail, int limit) {
        return jdbi.withHandle(h -> h.createQuery(BY_EMAIL_AFTER)
                .bind("after", afterEmail).bind("limit", limit).map(ConstructorMapper.of(Subscriber.class)).list());
    }

    /**
     * One page of the list, newest first: those older than {@code before}, or, with {@code after},
     * the page just newer than it. Keyset paging on the id, so any page costs what the first does.
     */
    List<Subscriber> page(SubscriberFilter filter, Long before, Long after, int size) {
        List<Subscriber> rows = new ArrayList<>(jdbi.withHandle(h -> filter.bind(h.createQuery(pageSql(filter, before, after)))
                .bind("after", after == null ? 0 : after).bind("before", before == null ? 0 : before).bind("size", size)
                .map(ConstructorMapper.of(Subscriber.class)).list()));
        if (after != null) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /** The query of {@link #page}; the query plan test reads it too. */
    static String pageSql(SubscriberFilter filter, Long before, Long after) {
        return "SELECT " + COLUMNS + " FROM subscribers WHERE " + filter.where()
                + (after != null ? " AND id > :after ORDER BY id" : before != null ? " AND id < :before ORDER BY id DESC" : " ORDER BY id DESC")
                + " LIMIT :size";
    }

    /** Whether any subscriber of the filter has an id beyond this one (newer, or older). */
    boolean anyBeyond(SubscriberFilter filter, long id, boolean newer) {
        return jdbi.withHandle(h -> filter.bind(h.createQuery("SELECT id FROM subscribers WHERE " + filter.where()
                        + (newer ? " AND id > :id ORDER BY id" : " AND id < :id ORDER BY id DESC") + " LIMIT 1"))
                .bind("id", id).mapTo(Long.class).findOne().isPresent());
    }

    /** How many match a search, counting at most {@link #MATCHES_COUNTED} + 1. */
    int countMatching(SubscriberFilter filter) {
        return jdbi.withHandle(h -> filter.bind(h.createQuery("SELECT COUNT(*) FROM (SELECT id FROM subscribers WHERE "
                        + filter.where() + " LIMIT " + (MATCHES_COUNTED + 1) + ") matched"))
                .mapTo(Integer.class).one());
    }

    Optional<DigestRecord> lastDigest() {
        return digest("ORDER BY id DESC");
    }

    /** The oldest digest whose mails are not all in the outbox yet. */
    Optional<DigestRecord> digestBeingQueued() {
        return digest("WHERE enqueued_at IS NULL ORDER BY id");
    }

    private Optional<DigestRecord> digest(String condition) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, period_start, period_end, article_ids, recipients, sent_at, enqueued_through, enqueued, enqueued_at
                        FROM newsletter_digests\s""" + condition + " LIMIT 1")
                .map(ConstructorMapper.of(DigestRecord.class)).findOne());
    }

    /** Records a digest to be queued; 0 when another server recorded the one following the same digest first. */
    int recordDigest(long follows, Instant periodStart, Instant periodEnd, String articleIds, int recipients, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO newsletter_digests (follows_digest, period_start, period_end, article_ids, recipients, sent_at)
                        VALUES (:follows, :start, :end, :ids, :recipients, :now) ON CONFLICT (follows_digest) DO NOTHING""")
                .bind("follows", follows).bind("start", periodStart).bind("end", periodEnd).bind("ids", articleIds)
                .bind("recipients", recipients).bind("now", now).execute());
    }

    /**
     * Moves the digest's cursor from {@code from} to {@code through}, only if it still stands at
     * {@code from}: false when another node wrote this batch first (the caller's transaction, with
     * the batch's mails, must then roll back).
     */
    boolean advanceDigest(long digestId, long from, long through, int mails) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE newsletter_digests SET enqueued_through = :through, enqueued = enqueued + :mails
                        WHERE id = :id AND enqueued_through = :from AND enqueued_at IS NULL""")
                .bind("through", through).bind("mails", mails).bind("id", digestId).bind("from", from).execute() == 1);
    }

    void finishDigest(long digestId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE newsletter_digests SET enqueued_at = :now WHERE id = :id AND enqueued_at IS NULL")
                .bind("now", now).bind("id", digestId).execute());
    }

    private Optional<Subscriber> one(String condition, Object value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE " + condition)
                .bind("v", value).map(ConstructorMapper.of(Subscriber.class)).findOne());
    }
}
