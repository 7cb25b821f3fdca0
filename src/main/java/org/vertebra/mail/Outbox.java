package org.vertebra.mail;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Where every email starts: {@link #enqueue} writes it to the outbox table, inside the caller's
 * transaction, so the mail exists exactly when the event that causes it was committed. A
 * background sender delivers it later; nothing here talks to a mail server.
 */
public final class Outbox {

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
     * woken once, after the commit. For the newsletter's digest, a few hundred mails at a time.
     */
    public void enqueueAll(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        repository.addAll(mails, clock.instant(), onEnqueue);
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
