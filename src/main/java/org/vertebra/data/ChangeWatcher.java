package org.vertebra.data;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the database's content counter and tells listeners when it moved, so what a server
 * derives from content (page cache, search index) follows changes made by any process or node.
 * It also tells them when the next scheduled moment has come (an article whose publishing time
 * arrives), since nothing is written to the database then and the counter stays where it was.
 */
public final class ChangeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final ContentChanges changes;
    private final Clock clock;
    private final Supplier<Optional<Instant>> nextScheduled;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "change-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private long seen = Long.MIN_VALUE;
    private Instant due;
    /** Moves on every change or scheduled moment, so listeners can tell one state from the next. */
    private long generation;

    /**
     * @param nextScheduled the next moment after now at which content becomes visible by itself,
     *                      if any; asked again after each change and each such moment
     */
    public ChangeWatcher(ContentChanges changes, Clock clock, Supplier<Optional<Instant>> nextScheduled) {
        this.changes = changes;
        this.clock = clock;
        this.nextScheduled = nextScheduled;
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
        try {
            long current = changes.current();
            boolean scheduledMomentCame = due != null && !clock.instant().isBefore(due);
            if (current != seen || scheduledMomentCame) {
                seen = current;
                due = nextScheduled.get().orElse(null);
                tell(++generation);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the content version: {}", e.getMessage());
        }
    }

    private void tell(long state) {
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                LOG.error("a content change listener failed", e);
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
