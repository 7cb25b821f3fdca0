package org.vertebra.data;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread of a recorder that counts in memory on the request path and writes in
 * batches: it runs the recorder's flush after every pause, carries on when a write fails, and on
 * close stops and flushes once more, so that only the counts of a crash are lost.
 */
public final class FlushWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlushWorker.class);

    private final Runnable flush;
    private final long pauseMillis;
    private final String what;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param name  the thread's name
     * @param what  what the flush writes, for the log ("statistics")
     */
    public FlushWorker(String name, long pauseMillis, String what, Runnable flush) {
        this.flush = flush;
        this.pauseMillis = pauseMillis;
        this.what = what;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Flushes now rather than at the end of the pause (a batch is full); cheap enough to call from a request. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMillis));
            if (Thread.interrupted()) {
                return;
            }
            try {
                flush.run();
            } catch (RuntimeException e) {
                LOG.error("{} not written; carrying on", what, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            flush.run();
        } catch (RuntimeException e) {
            LOG.warn("{} of the last moments not written", what, e);
        }
    }
}
