package org.vertebra.consult;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues due consultation reminders and doctors' morning agenda mails every minute
 * (housekeeping's hour is too coarse for a reminder an hour before). Each reminder, and each
 * doctor's day, is claimed by a conditional UPDATE, so every server of a site may run this job and
 * each mail still goes out once.
 */
final class ReminderJob implements AutoCloseable {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final ConsultJobs consult;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consult-reminders");
        thread.setDaemon(true);
        return thread;
    });

    public ReminderJob(ConsultJobs consult) {
        this.consult = consult;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::runOnce, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    void runOnce() {
        try {
            int sent = consult.sendDueReminders();
            if (sent > 0) {
                LOG.info("consultations: {} reminders enqueued", sent);
            }
            int agendas = consult.sendDueMorningAgendas();
            if (agendas > 0) {
                LOG.info("consultations: {} morning agenda mails enqueued", agendas);
            }
        } catch (RuntimeException e) {
            LOG.error("consultation reminders failed; trying again in a minute", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
