package org.vertebra.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.vertebra.data.FlushWorker;
import org.vertebra.web.PageView;
import org.vertebra.web.PageViewListener;

/**
 * Counts page views off the request's path: serving a page only adds its view to a lock-free
 * queue (dropped, never waited for, when {@link #QUEUE} are waiting), and one background thread
 * takes them every {@link #PAUSE_MILLIS} in batches and adds them to the day's totals in one
 * transaction each. No lock is shared with the threads that serve pages.
 */
public final class StatsRecorder implements PageViewListener, AutoCloseable {

    static final int QUEUE = 20_000;
    static final int BATCH = 2_000;
    static final long PAUSE_MILLIS = 1_000;

    private final StatsService stats;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final FlushWorker worker = new FlushWorker("stats", PAUSE_MILLIS, "statistics", this::flush);

    public StatsRecorder(StatsService stats) {
        this.stats = stats;
    }

    public void start() {
        worker.start();
    }

    @Override
    public void viewed(PageView view) {
        offer(view);
    }

    /** Search terms that found nothing: a list of what readers look for and the site lacks. */
    public void searchFoundNothing(String terms) {
        offer(new SearchMiss(terms));
    }

    private void offer(Object event) {
        int queued = waiting.incrementAndGet();
        if (queued > QUEUE) {
            waiting.decrementAndGet(); // a burst the counter cannot keep up with: dropped, the page is not held up
            return;
        }
        queue.add(event);
        if (queued % BATCH == 0) {
            // A full batch is counted at once: views that waited out the whole pause under load lived
            // long enough to be moved to the old generation, whose collections stopped every page for
            // hundreds of milliseconds in a small heap (bench/RESULTS.md, issue 17).
            worker.wake();
        }
    }

    record SearchMiss(String terms) {
    }

    /** Counts everything queued so far, now, on the caller's thread (tests; shutting down). */
    public synchronized void flush() {
        List<Object> batch = take();
        while (!batch.isEmpty()) {
            stats.count(batch);
            batch = take();
        }
    }

    private List<Object> take() {
        List<Object> batch = new ArrayList<>();
        for (Object event = queue.poll(); event != null; event = batch.size() < BATCH - 1 ? queue.poll() : null) {
            batch.add(event);
        }
        waiting.addAndGet(-batch.size());
        return batch;
    }

    @Override
    public void close() {
        worker.close();
    }
}
