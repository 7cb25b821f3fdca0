package org.vertebra.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.monitor.SiteMetrics;

/**
 * Work a running site does now and then by itself: it empties the trash of articles kept longer
 * than 30 days, forgets ended sessions and old sign-in failures, deletes reading lists whose link
 * has expired, and sends the newsletter digest when one is due. Of several servers on one
 * database, the one that holds the hour's lease runs it (see {@link org.vertebra.data.JobLeases});
 * when that server dies, the next hour's run falls to another.
 */
final class Housekeeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);
    static final String JOB = "housekeeping";
    /** Shorter than the period, so the holder's own next run finds its lease over. */
    static final Duration LEASE = EVERY.minusMinutes(5);
    /** The audit log is pruned once a day: it walks the whole chain first, too much for every hour. */
    static final Duration AUDIT_PRUNE_EVERY = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Site site;
    private final SiteMetrics metrics;
    /** Not at start, whose housekeeping runs as the server begins to listen: the first prune comes with the next hour's run. */
    private java.time.Instant auditPrunedAt;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.CountDownLatch firstRun = new java.util.concurrent.CountDownLatch(1);

    Housekeeping(Site site, SiteMetrics metrics) {
        this.site = site;
        this.metrics = metrics;
        this.auditPrunedAt = site.clock.instant().minus(AUDIT_PRUNE_EVERY).plus(EVERY).minusSeconds(60);
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
            if (!site.leases.claim(JOB, LEASE)) {
                return; // another server runs it this hour
            }
            int purged = site.articleWriter.purgeTrash();
            int forgotten = site.accounts.cleanUp() + site.formGuard.forgetOld() + site.stats.forgetPastVisitors()
                    + site.redirects.trimNotFoundLog(); // the 404 log keeps its most recent paths
            site.newsletter.sendDigestIfDue(); // weekly, when there is something new; it logs what it sent
            site.consult.jobs().eraseExpiredHealthData(); // intake answers and notes past the retention period; it logs how many
            int expiredLists = site.reading.purgeExpired(); // reading lists whose link has expired (on the audit log)
            site.retractions.recheckPublishedInBackground(); // references whose answer is over a week old
            pruneAuditLogIfDue();
            if (expiredLists > 0) {
                LOG.info("housekeeping: {} expired reading lists deleted", expiredLists);
            }
            if (purged > 0 || forgotten > 0) {
                LOG.info("housekeeping: {} articles deleted from the trash, {} ended sessions, old sign-in failures and form counts forgotten",
                        purged, forgotten);
            }
            metrics.jobRun(JOB, "ok");
        } catch (RuntimeException e) {
            metrics.jobRun(JOB, "failed");
            LOG.error("housekeeping failed; it runs again in {} minutes", EVERY.toMinutes(), e);
        }
    }

    /** Rows past the audit log's retention, once a day on the server that runs housekeeping; it logs how many. */
    private void pruneAuditLogIfDue() {
        java.time.Instant now = site.clock.instant();
        if (!now.isBefore(auditPrunedAt.plus(AUDIT_PRUNE_EVERY))) {
            auditPrunedAt = now;
            site.audit.prune(org.vertebra.audit.Actor.commandLine("housekeeping"));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
