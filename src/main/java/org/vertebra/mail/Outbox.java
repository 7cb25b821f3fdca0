package org.vertebra.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Where every email starts: {@link #enqueue} writes it to the outbox table, inside the caller's
 * transaction, so the mail exists exactly when the event that causes it was committed. A
 * background sender delivers it later; nothing here talks to a mail server.
 */
public final class Outbox {

    /** How long a shared body is kept after a batch last used it, though no mail refers to it: a send under way may use it again. */
    static final Duration BODY_GRACE = Duration.ofDays(1);
    /**
     * How long a sent mail is kept: long enough to answer "did you send me that?" and to show in its
     * recipient's data export for a season; short enough that the table of a site that sends a weekly
     * digest to 100,000 does not grow by five million rows a year, nor keep their addresses for ever.
     * A mail not sent yet, or refused, is never deleted by age.
     */
    public static final Duration SENT_KEPT = Duration.ofDays(90);
    /** Sent mails deleted with one statement, so that a write transaction stays short on SQLite. */
    static final int DELETED_AT_ONCE = 5_000;

    private final OutboxRepository repository;
    private final Clock clock;
    private volatile Runnable onEnqueue = () -> { };

    public Outbox(Jdbi jdbi, Clock clock) {
        this.repository = new OutboxRepository(jdbi);
        this.clock = clock;
    }

    /** The mail the site sent or will send to an address, without the bodies' links, for its owner's data export (privacy/). */
    public List<Map<String, Object>> exportPersonalData(String email) {
        return repository.exportByRecipient(email);
    }

    /** Deletes every mail to an address, sent or waiting (privacy/). */
    public int erasePersonalData(String email) {
        return repository.deleteByRecipient(email);
    }

    /** Adds the mail to the outbox; returns its id. Call it in the transaction of the change that causes it. */
    public long enqueue(OutgoingMail mail) {
        return repository.add(mail, clock.instant(), onEnqueue);
    }

    /**
     * Adds many mails with one batched statement, inside the caller's transaction; the sender is
     * woken once, after the commit. Each is stored whole: mails alike but for a link go as a
     * {@link MailTemplate} instead.
     */
    public void enqueueAll(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        repository.addAll(mails, clock.instant(), onEnqueue);
    }

    /**
     * Adds a mail sent alike to many, inside the caller's transaction: its body is stored once for
     * its key (a later batch of the same key finds it), and each recipient's row holds only the
     * values of its slots. Throws when a recipient's values do not fill exactly the template's slots.
     */
    public void enqueueAll(MailTemplate template, List<MailTemplate.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        template.checkFills(recipients);
        repository.addShared(template, recipients, clock.instant(), onEnqueue);
    }

    /**
     * Deletes the shared bodies no mail needs any more (their mails were erased) and that no
     * batch used in the last {@link #BODY_GRACE}; returns how many. For the mail chore.
     */
    public int deleteUnusedBodies() {
        return repository.deleteUnusedBodies(clock.instant().minus(BODY_GRACE));
    }

    /** Deletes the mails sent more than {@link #SENT_KEPT} ago, a few thousand at a time; returns how many. For the mail chore. */
    public int deleteOldSentMail() {
        Instant before = clock.instant().minus(SENT_KEPT);
        int deleted = 0;
        int round;
        do {
            round = repository.deleteSentBefore(before, DELETED_AT_ONCE);
            deleted += round;
        } while (round == DELETED_AT_ONCE);
        return deleted;
    }

    /** Called after each enqueued mail is committed (the sender in this process wakes up). */
    public void onEnqueue(Runnable listener) {
        this.onEnqueue = listener;
    }

    /** How many mails wait to be sent. */
    public int waiting() {
        return repository.countUnsent();
    }
}
