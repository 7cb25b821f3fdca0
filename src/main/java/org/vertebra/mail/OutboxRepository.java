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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The mail_outbox table: the mails the features write, the sender's claims and attempts, and the
 * admin's view of them; and mail_bodies, the content of a mail sent alike to many
 * ({@link MailTemplate}), stored once and referred to by each recipient's row, which holds only the
 * recipient's values of its slots. A mail the server refused for good keeps
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
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() { };
    private static final String INSERT = """
            INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, headers_json, attachments_json,
                created_at, next_attempt)
            VALUES (:kind, :to, :subject, :text, :html, :headers, :attachments, :now, :now)""";
    /** A recipient of a shared body: its subject and text are the body's, so the row's stay empty. */
    private static final String INSERT_SHARED = """
            INSERT INTO mail_outbox (kind, recipient, subject, text_body, headers_json, created_at, next_attempt, body_id, fill_json)
            VALUES (:kind, :to, '', '', '{}', :now, :now, :body, :fill)""";
    /** A template's body, stored by its first batch; each later one finds it by its key and marks it used. */
    private static final String SHARE_BODY = """
            INSERT INTO mail_bodies (share_key, subject, text_body, html_body, headers_json, created_at, used_at)
            VALUES (:key, :subject, :text, :html, :headers, :now, :now)
            ON CONFLICT (share_key) DO UPDATE SET used_at = excluded.used_at
            RETURNING id""";
    /** Unsent, due, and not held by another sender: the rows one may try to claim. */
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

    /**
     * Stores the template's body once (or finds it by its key) and a row for each recipient with
     * only its values, with one batched statement; {@code whenCommitted} runs once, as for {@link #add}.
     */
    void addShared(MailTemplate template, List<MailTemplate.Recipient> recipients, Instant now, Runnable whenCommitted) {
        jdbi.useHandle(h -> {
            long body = h.createQuery(SHARE_BODY)
                    .bind("key", template.key()).bind("subject", template.subject()).bind("text", template.text())
                    .bind("html", template.html()).bind("headers", json(template.headers())).bind("now", now)
                    .mapTo(Long.class).one();
            var batch = h.prepareBatch(INSERT_SHARED);
            for (MailTemplate.Recipient recipient : recipients) {
                batch.bind("kind", template.kind()).bind("to", recipient.to()).bind("now", now.toEpochMilli())
                        .bind("body", body).bind("fill", json(recipient.values())).add();
            }
            batch.execute();
            afterCommit(h, whenCommitted);
        });
    }

    /**
     * Deletes the bodies no mail refers to any more (their recipients' mails were erased) and no
     * batch has used since {@code before}; returns how many.
     */
    int deleteUnusedBodies(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM mail_bodies WHERE used_at < :before
                        AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.body_id = mail_bodies.id)""")
                .bind("before", before).execute());
    }

    /** Deletes up to {@code limit} of the mails sent before {@code before}, oldest first (mail_outbox_waiting's order); returns how many. */
    int deleteSentBefore(Instant before, int limit) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox
                        WHERE sent_at IS NOT NULL AND sent_at < :before ORDER BY sent_at LIMIT :limit)""")
                .bind("before", before.toEpochMilli()).bind("limit", limit).execute());
    }

    /**
     * The mails to an address (in any case), oldest first, without their bodies, as their owner's
     * data export shows them; a mail of a shared body with the body's subject.
     */
    List<Map<String, Object>> exportByRecipient(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.kind, COALESCE(b.subject, o.subject) AS subject, o.created_at, o.sent_at
                        FROM mail_outbox o LEFT JOIN mail_bodies b ON b.id = o.body_id
                        WHERE LOWER(o.recipient) = :email ORDER BY o.created_at, o.id""")
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

    /**
     * Takes up to {@code limit} due mails, oldest due first, for one sender until {@code until}:
     * one conditional UPDATE in one transaction, so of several senders (threads or servers) at
     * most one gets each mail. Empty when there is none, or other senders were quicker.
     */
    List<QueuedMail> claim(Instant now, Instant until, int limit) {
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("UPDATE mail_outbox SET claimed_until = :until WHERE id IN (SELECT id FROM mail_outbox WHERE "
                            + CLAIMABLE + " ORDER BY next_attempt, id LIMIT :limit) AND " + CLAIMABLE + " RETURNING id")
                    .bind("until", until).bind("now", now).bind("limit", limit).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.<QueuedMail>of();
            }
            List<QueuedMail> claimed = new java.util.ArrayList<>();
            Map<Long, String> unreadable = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT o.id, o.kind, o.recipient, o.subject, o.text_body, o.html_body, o.headers_json, o.attachments_json,
                                o.created_at, o.attempts, o.fill_json, b.share_key, b.subject AS body_subject, b.text_body AS body_text,
                                b.html_body AS body_html, b.headers_json AS body_headers
                            FROM mail_outbox o LEFT JOIN mail_bodies b ON b.id = o.body_id
                            WHERE o.id IN (<ids>) ORDER BY o.next_attempt, o.id""")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> {
                        try {
                            return queued(rs);
                        } catch (RuntimeException e) {
                            unreadable.put(rs.getLong("id"), e.getMessage());
                            return null;
                        }
                    })
                    .forEach(mail -> {
                        if (mail != null) {
                            claimed.add(mail);
                        }
                    });
            // A row that cannot be made into a mail would fail every claim that takes it, and so hold
            // up every mail behind it: it is set aside as refused, with the reason, for an administrator.
            unreadable.forEach((id, reason) -> h.createUpdate("""
                            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error, next_attempt = :refused,
                                claimed_until = NULL
                            WHERE id = :id""")
                    .bind("error", note("The stored mail could not be read: " + reason)).bind("refused", REFUSED).bind("id", id)
                    .execute());
            return claimed;
        });
    }

    private static QueuedMail queued(java.sql.ResultSet rs) throws java.sql.SQLException {
        OutgoingMail mail = rs.getString("share_key") == null
                ? new OutgoingMail(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), headers(rs.getString("headers_json")),
                        attachments(rs.getString("attachments_json")))
                : new MailTemplate(rs.getString("share_key"), rs.getString("kind"), rs.getString("body_subject"),
                        rs.getString("body_text"), rs.getString("body_html"), headers(rs.getString("body_headers")))
                        .to(rs.getString("recipient"), values(rs.getString("fill_json")));
        return new QueuedMail(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("attempts"), mail);
    }

    /** An error as the outbox keeps it: at most {@link #LAST_ERROR_LENGTH} characters. */
    private static String note(String error) {
        return error == null ? "" : error.length() > LAST_ERROR_LENGTH ? error.substring(0, LAST_ERROR_LENGTH - 1) + "…" : error;
    }

    /** Marks the mails sent, each at its time, in one transaction. */
    void markSent(Map<Long, Instant> sentAt) {
        if (sentAt.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    UPDATE mail_outbox SET sent_at = :at, claimed_until = NULL, attempts = attempts + 1, last_error = NULL
                    WHERE id = :id""");
            sentAt.forEach((id, at) -> batch.bind("at", at.toEpochMilli()).bind("id", id).add());
            batch.execute();
        });
    }

    /** Lets go of claimed mails this sender did not get to, unless another sender holds them now. */
    void release(List<Long> ids, Instant until) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE mail_outbox SET claimed_until = NULL WHERE id IN (<ids>) AND sent_at IS NULL AND claimed_until = :until""")
                .bindList("ids", ids).bind("until", until).execute());
    }

    /** Counts a failed attempt and sets when to try again ({@link #REFUSED}: only when asked). */
    void markFailed(long id, String error, long nextAttemptMillis) {
        String note = note(error);
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
                        SELECT o.id, o.kind, o.recipient, COALESCE(b.subject, o.subject) AS subject, o.created_at, o.attempts,
                            o.last_error, o.next_attempt, o.claimed_until, o.sent_at
                        FROM mail_outbox o LEFT JOIN mail_bodies b ON b.id = o.body_id
                        ORDER BY o.created_at DESC, o.id DESC LIMIT :limit""")
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

    private static String json(Object headersValuesOrAttachments) {
        try {
            return JSON.writeValueAsString(headersValuesOrAttachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings or a list of attachments is always serialisable", e);
        }
    }

    private static Map<String, String> headers(String json) {
        return strings(json, "headers_json");
    }

    private static Map<String, String> values(String json) {
        return strings(json, "fill_json");
    }

    private static Map<String, String> strings(String json, String column) {
        try {
            return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column + " of an outbox row is not a JSON object of strings", e);
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
