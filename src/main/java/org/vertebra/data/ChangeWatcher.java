package org.vertebra.data;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the database's content counter and tells listeners when it moved, so what a server
 * derives from content (page cache, search index) follows changes made by any process or node.
 */
public final class ChangeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final ContentChanges changes;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "change-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private long seen = Long.MIN_VALUE;

    public ChangeWatcher(ContentChanges changes) {
        this.changes = changes;
    }

    /** Calls the listener with the new version whenever content changed; listeners must be quick or hand off. */
    public void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    public void start(long pollMillis) {
        poller.scheduleWithFixedDelay(this::check, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks now; the poller calls it, and so may a writer in this process that must not wait. */
    public synchronized void check() {
        long current;
        try {
            current = changes.current();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the content version: {}", e.getMessage());
            return;
        }
        if (current != seen) {
            seen = current;
            for (LongConsumer listener : listeners) {
                try {
                    listener.accept(current);
                } catch (RuntimeException e) {
                    LOG.error("a content change listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        // No interrupt: an interrupted thread in the middle of file or database I/O closes the
        // channel under it (Lucene's index lock, a JDBC connection). Let the current run finish.
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
