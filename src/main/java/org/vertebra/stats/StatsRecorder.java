package org.vertebra.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.web.PageView;
import org.vertebra.web.PageViewListener;

/**
 * Counts page views off the request's path: serving a page only offers its view to a bounded queue
 * (dropped, never waited for, when the queue is full), and one background thread takes them in
 * batches and adds them to the day's totals in one transaction.
 */
public final class StatsRecorder implements PageViewListener, AutoCloseable {

    static final int QUEUE = 20_000;
    static final int BATCH = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(StatsRecorder.class);

    private final StatsService stats;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private volatile boolean running = true;

    public StatsRecorder(StatsService stats) {
        this.stats = stats;
        this.worker = new Thread(this::run, "stats");
        worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    @Override
    public void viewed(PageView view) {
        queue.offer(view);
    }

    /** Search terms that found nothing: a list of what readers look for and the site lacks. */
    public void searchFoundNothing(String terms) {
        queue.offer(new SearchMiss(terms));
    }

    record SearchMiss(String terms) {
    }

    /** Counts everything queued so far, now, on the caller's thread (tests; shutting down). */
    public synchronized void flush() {
        List<Object> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            stats.count(batch);
            batch.clear();
        }
    }

    private void run() {
        while (running) {
            try {
                Object first = queue.poll(2, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (this) {
                    List<Object> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    stats.count(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("statistics not counted; carrying on", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("statistics of the last moments not counted", e);
        }
    }
}
