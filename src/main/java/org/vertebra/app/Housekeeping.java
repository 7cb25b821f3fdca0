package org.vertebra.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a running site does now and then by itself: it empties the trash of articles kept longer
 * than 30 days and forgets ended sessions and old sign-in failures. Each job is a single idempotent
 * statement, so several servers on one database may all run it.
 */
final class Housekeeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Site site;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(Site site) {
        this.site = site;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::runOnce, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    void runOnce() {
        try {
            int purged = site.articles.purgeTrash();
            int forgotten = site.accounts.cleanUp() + site.formGuard.forgetOld() + site.stats.forgetPastVisitors();
            site.newsletter.sendDigestIfDue(); // weekly, when there is something new; it logs what it sent
            if (purged > 0 || forgotten > 0) {
                LOG.info("housekeeping: {} articles deleted from the trash, {} ended sessions, old sign-in failures and form counts forgotten",
                        purged, forgotten);
            }
        } catch (RuntimeException e) {
            LOG.error("housekeeping failed; it runs again in {} minutes", EVERY.toMinutes(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
