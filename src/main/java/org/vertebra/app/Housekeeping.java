package org.vertebra.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.data.JobLeases;
import org.vertebra.module.Chore;
import org.vertebra.monitor.SiteMetrics;

/**
 * Work a running site does every hour by itself: the features' chores ({@link
 * org.vertebra.module.Feature#chores()}), such as emptying the trash, forgetting ended sessions and
 * sending the newsletter digest when one is due. Of several servers on one database, the one that
 * holds the hour's lease runs it (see {@link JobLeases}); when that server dies, the next hour's
 * run falls to another. A chore that fails is logged and the others still run.
 */
final class Housekeeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);
    static final String JOB = "housekeeping";
    /** Shorter than the period, so the holder's own next run finds its lease over. */
    static final Duration LEASE = EVERY.minusMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final JobLeases leases;
    private final List<Chore> chores;
    private final SiteMetrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch firstRun = new CountDownLatch(1);

    Housekeeping(JobLeases leases, List<Chore> chores, SiteMetrics metrics) {
        this.leases = leases;
        this.chores = List.copyOf(chores);
        this.metrics = metrics;
    }

    /**
     * The first run at once, in the background: the first page need not wait for its statements
     * (30 to 60 ms of a start of about 1.5 s, bench/RESULTS.md, issue 17); /healthz says "starting"
     * until it is done ({@link #hasRunOnce}).
     */
    void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } finally {
                firstRun.countDown();
            }
        }, 0, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Whether the start's run is done (failed or not: a failure is logged, and the next hour tries again). */
    boolean hasRunOnce() {
        return firstRun.getCount() == 0;
    }

    boolean awaitFirstRun(Duration timeout) throws InterruptedException {
        return firstRun.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            if (!leases.claim(JOB, LEASE)) {
                return; // another server runs it this hour
            }
        } catch (RuntimeException e) {
            metrics.jobRun(JOB, "failed");
            LOG.error("housekeeping could not claim its lease; it tries again in {} minutes", EVERY.toMinutes(), e);
            return;
        }
        boolean allDone = true;
        for (Chore chore : chores) {
            allDone &= done(chore);
        }
        metrics.jobRun(JOB, allDone ? "ok" : "failed");
    }

    private boolean done(Chore chore) {
        try {
            int count = chore.work().getAsInt();
            if (count > 0) {
                LOG.info("housekeeping: {} {}", count, chore.name());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.error("housekeeping: {} failed; it runs again in {} minutes", chore.name(), EVERY.toMinutes(), e);
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
