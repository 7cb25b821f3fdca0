package org.vertebra.data;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread of a job that works through a queue in rounds (the outbox sender, the
 * digest queue): it runs a round at every poll, or at once when woken. After a round that leaves
 * more to do it goes on without waiting for the poll, but first rests as long as the round took,
 * so a long queue takes at most half a core from the pages being served, and on SQLite the
 * pages' own writes find the lock free between rounds. A failed round is logged and retried at
 * the next poll.
 */
public final class RoundWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoundWorker.class);

    private final String name;
    private final Duration poll;
    private final Duration stopWait;
    private final BooleanSupplier round;
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    private Thread thread; // guarded by signal
    private volatile boolean running;

    /**
     * @param name     the thread's name, also in the log
     * @param stopWait how long {@link #close()} waits for the round under way
     * @param round    one round of work: true when it left more to do at once
     */
    public RoundWorker(String name, Duration poll, Duration stopWait, BooleanSupplier round) {
        this.name = name;
        this.poll = poll;
        this.stopWait = stopWait;
        this.round = round;
    }

    public void start() {
        synchronized (signal) {
            if (thread != null) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Runs a round now rather than at the next poll; cheap enough to call from a request. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            long began = System.nanoTime();
            boolean more;
            try {
                more = round.getAsBoolean();
            } catch (RuntimeException e) {
                more = false;
                LOG.error("{} failed; it tries again in {} s", name, poll.toSeconds(), e);
            }
            long tookMillis = (System.nanoTime() - began) / 1_000_000;
            synchronized (signal) {
                try {
                    if (running && (more || !woken)) {
                        signal.wait(more ? Math.max(1, tookMillis) : poll.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }

    /** Stops the thread after the round under way, waiting for it at most the stop wait. */
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
                stopping.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
