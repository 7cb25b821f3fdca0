package org.vertebra.newsletter;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that writes a recorded digest's mails to the outbox, a batch at a time
 * ({@link NewsletterService#queueDigestBatch}): at once when this process records a digest, and
 * every {@link #POLL} to take over one that another node left half-queued. Between batches it
 * rests as long as the batch took: it then takes at most half a core from the pages being served,
 * and on SQLite the pages' own writes find the lock free between batches.
 */
public final class DigestQueue implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DigestQueue.class);

    private final NewsletterService newsletter;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public DigestQueue(NewsletterService newsletter) {
        this.newsletter = newsletter;
    }

    public void start() {
        synchronized (signal) {
            if (thread != null) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "digest-queue");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Looks for a digest to queue now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean more;
            long started = System.nanoTime();
            try {
                more = newsletter.queueDigestBatch();
            } catch (RuntimeException e) {
                more = false;
                LOG.error("queueing the newsletter digest failed; it tries again in {} s", POLL.toSeconds(), e);
            }
            synchronized (signal) {
                try {
                    if (running && (more || !woken)) {
                        signal.wait(more ? Math.max(1, (System.nanoTime() - started) / 1_000_000) : POLL.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (signal) {
            stopping = thread;
            thread = null;
            running = false;
            signal.notifyAll();
        }
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
