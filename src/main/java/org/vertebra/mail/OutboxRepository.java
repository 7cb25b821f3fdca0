package org.vertebra.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The mail_outbox table: the mails the features write, the sender's claims and attempts, and the
 * admin's view of them. A mail the server refused for good keeps
 * {@code sent_at} empty and gets {@link #REFUSED} as its next attempt: it is kept, shown as
 * refused, and tried again only when an administrator asks ("send now").
 */
final class OutboxRepository {

    /** next_attempt of a mail refused for good: never due by itself. */
    static final long REFUSED = Long.MAX_VALUE;
    static final int LAST_ERROR_LENGTH = 300;
    /** How long a mail may wait before the dashboard warns of it: longer than a digest takes to go out. */
    static final Duration STALE = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() { };
    /** Unsent, due, and not held by another sender: the rows one may try to claim. */
    private static final String INSERT = """
            INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, headers_json, attachments_json,
                created_at, next_attempt)
            VALUES (:kind, :to, :subject, :text, :html, :headers, :attachments, :now, :now)""";
    private static final String CLAIMABLE = "sent_at IS NULL AND next_attempt <= :now AND (claimed_until IS NULL OR claimed_until < :now)";

    private final Jdbi jdbi;

    OutboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a mail; returns its id. {@code whenCommitted} runs once the row is committed (at once
     * outside a transaction), as only then can a sender see it.
     */
    long add(OutgoingMail mail, Instant now, Runnable whenCommitted) {
        return jdbi.withHandle(h -> {
            long id = h.createQuery(INSERT + " RETURNING id")
                    .bind("kind", mail.kind()).bind("to", mail.to()).bind("subject", mail.subject())
                    .bind("text", mail.text()).bind("html", mail.html()).bind("headers", json(mail.headers()))
                    .bind("attachments", mail.attachments().isEmpty() ? null : json(mail.attachments()))
                    .bind("now", now)
                    .mapTo(Long.class).one();
            afterCommit(h, whenCommitted);
            return id;
        });
    }

    /** Stores many mails with one batched statement; {@code whenCommitted} runs once, as for {@link #add}. */
    void addAll(List<OutgoingMail> mails, Instant now, Runnable whenCommitted) {
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch(INSERT);
            for (OutgoingMail mail : mails) {
                batch.bind("kind", mail.kind()).bind("to", mail.to()).bind("subject", mail.subject())
                        .bind("text", mail.text()).bind("html", mail.html()).bind("headers", json(mail.headers()))
                        .bind("attachments", mail.attachments().isEmpty() ? null : json(mail.attachments()))
                        .bind("now", now.toEpochMilli()).add();
            }
            batch.execute();
            afterCommit(h, whenCommitted);
        });
    }

    /** The mails to an address (in any case), oldest first, without their bodies, as their owner's data export shows them. */
    List<Map<String, Object>> exportByRecipient(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT kind, subject, created_at, sent_at FROM mail_outbox WHERE LOWER(recipient) = :email ORDER BY created_at, id""")
                .bind("email", email.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", rs.getString("kind"));
                    row.put("subject", rs.getString("subject"));
                    row.put("written_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                    long sent = rs.getLong("sent_at");
                    row.put("sent_at", rs.wasNull() ? null : Instant.ofEpochMilli(sent).toString());
                    return row;
                }).list());
    }

    /** Deletes every mail to an address (in any case), sent or waiting. */
    int deleteByRecipient(String email) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM mail_outbox WHERE LOWER(recipient) = :email")
                .bind("email", email.toLowerCase(Locale.ROOT)).execute());
    }

    int countUnsent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
                .mapTo(Integer.class).one());
    }

    /** Ids of mails that are due and unclaimed, oldest due first; another sender may claim them first. */
    List<Long> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM mail_outbox WHERE " + CLAIMABLE
                        + " ORDER BY next_attempt, id LIMIT :limit")
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /**
     * Takes the mail for one sender until {@code now + lease}: one conditional UPDATE, so of several
     * senders (threads or servers) at most one gets it. Empty when another sender was quicker or it
     * is no longer due.
     */
    Optional<QueuedMail> claim(long id, Instant now, Duration lease) {
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("UPDATE mail_outbox SET claimed_until = :until WHERE id = :id AND " + CLAIMABLE)
                    .bind("until", now.plus(lease)).bind("id", id).bind("now", now).execute();
            if (claimed != 1) {
                return Optional.<QueuedMail>empty();
            }
            return Optional.of(h.createQuery("""
                            SELECT id, kind, recipient, subject, text_body, html_body, headers_json, attachments_json, created_at, attempts
                            FROM mail_outbox WHERE id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new QueuedMail(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getInt("attempts"), new OutgoingMail(rs.getString("kind"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            headers(rs.getString("headers_json")), attachments(rs.getString("attachments_json")))))
                    .one());
        });
    }

    void markSent(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mail_outbox SET sent_at = :now, claimed_until = NULL, attempts = attempts + 1, last_error = NULL
                        WHERE id = :id""")
                .bind("now", now).bind("id", id).execute());
    }

    /** Counts a failed attempt and sets when to try again ({@link #REFUSED}: only when asked). */
    void markFailed(long id, String error, long nextAttemptMillis) {
        String note = error.length() > LAST_ERROR_LENGTH ? error.substring(0, LAST_ERROR_LENGTH - 1) + "…" : error;
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error, next_attempt = :next,
                            claimed_until = NULL
                        WHERE id = :id AND sent_at IS NULL""")
                .bind("error", note).bind("next", nextAttemptMillis).bind("id", id).execute());
    }

    /** Makes every unsent mail due now, refused ones included; returns how many. */
    int makeAllDue(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE mail_outbox SET next_attempt = :now WHERE sent_at IS NULL AND next_attempt > :now")
                .bind("now", now).execute());
    }

    OutboxReport.Counts counts(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT
                          COALESCE(SUM(CASE WHEN sent_at IS NULL AND next_attempt < :refused THEN 1 ELSE 0 END), 0) AS waiting,
                          COALESCE(SUM(CASE WHEN sent_at IS NULL AND attempts > 0 AND next_attempt < :refused THEN 1 ELSE 0 END), 0) AS failing,
                          COALESCE(SUM(CASE WHEN sent_at IS NULL AND next_attempt = :refused THEN 1 ELSE 0 END), 0) AS refused,
                          COALESCE(SUM(CASE WHEN sent_at >= :dayAgo THEN 1 ELSE 0 END), 0) AS sent,
                          COALESCE(SUM(CASE WHEN sent_at IS NULL AND next_attempt < :refused AND created_at < :staleBefore
                                       THEN 1 ELSE 0 END), 0) AS stale
                        FROM mail_outbox""")
                .bind("refused", REFUSED).bind("dayAgo", now.minus(Duration.ofDays(1))).bind("staleBefore", now.minus(STALE))
                .map((rs, ctx) -> new OutboxReport.Counts(rs.getInt("waiting"), rs.getInt("failing"), rs.getInt("refused"),
                        rs.getInt("sent"), rs.getInt("stale")))
                .one());
    }

    /** The most recent mails, newest first. */
    List<OutboxReport.Row> recent(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, kind, recipient, subject, created_at, attempts, last_error, next_attempt, claimed_until, sent_at
                        FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    long claimed = rs.getLong("claimed_until");
                    boolean held = !rs.wasNull() && claimed > now.toEpochMilli();
                    rs.getLong("sent_at");
                    boolean sent = !rs.wasNull();
                    int attempts = rs.getInt("attempts");
                    MailState state = sent ? MailState.SENT : rs.getLong("next_attempt") == REFUSED ? MailState.REFUSED
                            : held ? MailState.SENDING : attempts > 0 ? MailState.RETRYING : MailState.WAITING;
                    return new OutboxReport.Row(rs.getLong("id"), rs.getString("kind"), Addresses.mask(rs.getString("recipient")),
                            rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("created_at")), attempts,
                            rs.getString("last_error"), state);
                })
                .list());
    }

    private static void afterCommit(Handle handle, Runnable work) {
        if (handle.isInTransaction()) {
            handle.afterCommit(work);
        } else {
            work.run();
        }
    }

    private static String json(Object headersOrAttachments) {
        try {
            return JSON.writeValueAsString(headersOrAttachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings or a list of attachments is always serialisable", e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers_json of an outbox row is not a JSON object of strings", e);
        }
    }

    private static List<Attachment> attachments(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : JSON.readValue(json, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachments_json of an outbox row is not a JSON list of attachments", e);
        }
    }
}
