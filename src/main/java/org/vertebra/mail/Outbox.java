package org.vertebra.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Where every email starts: {@link #enqueue} writes it to the outbox table, inside the caller's
 * transaction, so the mail exists exactly when the event that causes it was committed. A
 * background sender delivers it later; nothing here talks to a mail server.
 */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Runnable onEnqueue = () -> { };

    /** The mail the site sent or will send to an address, without the bodies' links, for its owner's data export (privacy/). */
    public java.util.List<java.util.Map<String, Object>> exportPersonalData(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT kind, subject, created_at, sent_at FROM mail_outbox WHERE LOWER(recipient) = :email ORDER BY created_at, id""")
                .bind("email", email.toLowerCase(java.util.Locale.ROOT))
                .map((rs, ctx) -> {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("kind", rs.getString("kind"));
                    row.put("subject", rs.getString("subject"));
                    row.put("written_at", java.time.Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                    long sent = rs.getLong("sent_at");
                    row.put("sent_at", rs.wasNull() ? null : java.time.Instant.ofEpochMilli(sent).toString());
                    return row;
                }).list());
    }

    /** Deletes every mail to an address, sent or waiting (privacy/). */
    public int erasePersonalData(String email) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM mail_outbox WHERE LOWER(recipient) = :email")
                .bind("email", email.toLowerCase(java.util.Locale.ROOT)).execute());
    }

    public Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Adds the mail to the outbox; returns its id. Call it in the transaction of the change that causes it. */
    public long enqueue(OutgoingMail mail) {
        return jdbi.withHandle(h -> {
            long id = h.createQuery("""
                        INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, headers_json, attachments_json,
                            created_at, next_attempt)
                        VALUES (:kind, :to, :subject, :text, :html, :headers, :attachments, :now, :now)
                        RETURNING id""")
                .bind("kind", mail.kind()).bind("to", mail.to()).bind("subject", mail.subject())
                .bind("text", mail.text()).bind("html", mail.html()).bind("headers", json(mail.headers()))
                .bind("attachments", mail.attachments().isEmpty() ? null : json(mail.attachments()))
                .bind("now", clock.instant())
                .mapTo(Long.class).one();
            // The sender can see the row only once it is committed.
            if (h.isInTransaction()) {
                h.afterCommit(onEnqueue);
            } else {
                onEnqueue.run();
            }
            return id;
        });
    }

    /**
     * Adds many mails with one batched statement, inside the caller's transaction; the sender is
     * woken once, after the commit. For the newsletter's digest, a few hundred mails at a time.
     */
    public void enqueueAll(java.util.List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, headers_json, attachments_json,
                        created_at, next_attempt)
                    VALUES (:kind, :to, :subject, :text, :html, :headers, :attachments, :now, :now)""");
            long now = clock.millis();
            for (OutgoingMail mail : mails) {
                batch.bind("kind", mail.kind()).bind("to", mail.to()).bind("subject", mail.subject())
                        .bind("text", mail.text()).bind("html", mail.html()).bind("headers", json(mail.headers()))
                        .bind("attachments", mail.attachments().isEmpty() ? null : json(mail.attachments()))
                        .bind("now", now).add();
            }
            batch.execute();
            if (h.isInTransaction()) {
                h.afterCommit(onEnqueue);
            } else {
                onEnqueue.run();
            }
        });
    }

    /** Called after each enqueued mail is committed (the sender in this process wakes up). */
    public void onEnqueue(Runnable listener) {
        this.onEnqueue = listener;
    }

    /** How many mails wait to be sent. */
    public int waiting() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
                .mapTo(Integer.class).one());
    }

    private static String json(Object headersOrAttachments) {
        try {
            return JSON.writeValueAsString(headersOrAttachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings or a list of attachments is always serialisable", e);
        }
    }
}
