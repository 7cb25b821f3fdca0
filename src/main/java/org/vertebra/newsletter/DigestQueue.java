package org.vertebra.newsletter;

import java.time.Duration;
import org.vertebra.data.RoundWorker;

/**
 * The background thread that writes a recorded digest's mails to the outbox, a batch at a time
 * ({@link NewsletterService#queueDigestBatch}): at once when this process records a digest, and
 * every {@link #POLL} to take over one that another node left half-queued. Between batches it
 * rests as long as the batch took: it then takes at most half a core from the pages being served,
 * and on SQLite the pages' own writes find the lock free between batches.
 */
final class DigestQueue implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(30);

    private final RoundWorker worker;

    public DigestQueue(NewsletterService newsletter) {
        this.worker = new RoundWorker("digest-queue", POLL, Duration.ofSeconds(10), newsletter::queueDigestBatch);
    }

    public void start() {
        worker.start();
    }

    /** Looks for a digest to queue now rather than at the next poll. */
    public void wake() {
        worker.wake();
    }

    @Override
    public void close() {
        worker.close();
    }
}
