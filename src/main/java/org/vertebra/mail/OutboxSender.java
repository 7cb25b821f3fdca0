package org.vertebra.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.RoundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what waits in the outbox, on one background thread: every {@link #POLL}, at once
 * when this process enqueues a mail, and round after round while mail is queued (a digest to
 * 100,000 goes out at the mail server's pace, {@link #ROUND} mails a round), resting between
 * rounds as long as each took ({@link RoundWorker}), so that on a small server the pages keep
 * their speed meanwhile. Mails are claimed {@link #BATCH} at a time with one conditional UPDATE
 * (a claim that lapses after the lease) before they are sent, and marked sent a few at a time, so
 * several servers on one database never send a mail twice at once and a mail costs far less than
 * a write transaction. A failure counts an
 * attempt and sets the next one further away ({@link #backOff}); nothing is ever discarded. A
 * mail the server refuses for good (a 5xx reply to its recipient, or a malformed address) is kept
 * as refused and tried again only when an administrator asks.
 *
 * <p>Delivery is at least once: a process killed after the server took a mail and before it was
 * marked sent sends it again when the claim has lapsed, with the same Message-ID.
 *
 * <p>Logs name the mail's id and kind, never its recipient or content.
 */
public final class OutboxSender implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(5);
    /**
     * How long a claim holds by default: far longer than a batch takes at a mail server's usual
     * pace; a batch stops while a quarter of it is left, the time one mail's connect, send and
     * timeouts can take at worst.
     */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final int ROUND = 50;
    /** Mails claimed with one UPDATE: enough to spare write transactions, few enough to send well within a claim. */
    static final int BATCH = 20;
    /**
     * Sent mails marked with one write transaction; so also the most mails a process killed while
     * sending can send twice (those sent since the last mark, and the one on the wire).
     */
    public static final int MARKED_AT_ONCE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository repository;
    /** The SMTP server of the settings in force, or null while none is set; asked each round, so a change needs no restart. */
    private final java.util.function.Supplier<SmtpTransport> transport;
    private final Clock clock;
    private final Duration lease;
    /** Whether the last round found a full {@link #ROUND} due: then more may wait, and the next round starts at once. */
    private volatile boolean roundWasFull;
    /** Stops after the mail being sent, if any (the SMTP timeouts bound the wait). */
    private final RoundWorker worker = new RoundWorker("outbox-sender", POLL, SmtpTransport.TIMEOUT.multipliedBy(3),
            this::sendRound);

    /** @param transport the SMTP server, or null when none is configured: then mail waits in the outbox */
    public OutboxSender(Jdbi jdbi, SmtpTransport transport, Clock clock) {
        this(jdbi, transport, clock, LEASE);
    }

    /** @param lease how long a claim on a mail holds before another sender may take it */
    public OutboxSender(Jdbi jdbi, SmtpTransport transport, Clock clock, Duration lease) {
        this(jdbi, () -> transport, clock, lease);
    }

    /** @param transport the SMTP server of the settings in force each time it is asked, or null while none is set */
    public OutboxSender(Jdbi jdbi, java.util.function.Supplier<SmtpTransport> transport, Clock clock, Duration lease) {
        this.repository = new OutboxRepository(jdbi);
        this.transport = transport;
        this.clock = clock;
        this.lease = lease;
    }

    public boolean configured() {
        return transport.get() != null;
    }

    /**
     * Sends the mails that are due and that no other sender holds, up to a {@link #ROUND}, taking
     * them {@link #BATCH} at a time; returns how many were delivered. Stops the round at the first
     * mail that could not reach the server (the rest waits for the next).
     */
    public synchronized int sendDue() {
        SmtpTransport transport = this.transport.get();
        if (transport == null) {
            return 0;
        }
        int taken = 0;
        boolean serverUnwell = false;
        boolean more = true;
        Delivery delivery = new Delivery(transport);
        try {
            while (more && !serverUnwell && taken < ROUND) {
                Instant now = clock.instant();
                Instant claimedUntil = now.plus(lease);
                List<QueuedMail> batch = repository.claim(now, claimedUntil, Math.min(BATCH, ROUND - taken));
                taken += batch.size();
                more = batch.size() == BATCH;
                serverUnwell = !delivery.sendBatch(batch, claimedUntil);
            }
        } finally {
            delivery.close();
        }
        roundWasFull = taken >= ROUND && !serverUnwell;
        if (delivery.sent > 0) {
            // One line a round, not a mail: a digest to 100,000 would otherwise write 100,000 lines.
            LOG.info("{} sent", new org.vertebra.layout.Noun("mail", "mails").count(delivery.sent));
        }
        return delivery.sent;
    }

    /**
     * The mails of one round over one SMTP connection. Each sent mail is marked in groups of
     * {@link #MARKED_AT_ONCE}, so a batch costs a few write transactions rather than two a mail; a
     * process killed before a group is marked sends its mails again when their claim has lapsed
     * (at least once, as the class says).
     */
    private final class Delivery implements AutoCloseable {

        private final SmtpTransport transport;
        private final Map<Long, Instant> unmarked = new LinkedHashMap<>();
        private SmtpTransport.Connection connection;
        private int sent;

        Delivery(SmtpTransport transport) {
            this.transport = transport;
        }

        /**
         * Sends a claimed batch one mail after another; returns false when the server could not be
         * reached, or not for long. The mails it did not get to (the server unwell, or the claim
         * close to lapsing) are let go, so that the next round takes them again at once.
         */
        boolean sendBatch(List<QueuedMail> batch, Instant claimedUntil) {
            int next = 0;
            boolean serverWell = true;
            try {
                // A mail sent after its claim lapsed might be sent by another server too.
                Instant stopAt = claimedUntil.minus(lease.dividedBy(4));
                while (serverWell && next < batch.size() && clock.instant().isBefore(stopAt)) {
                    serverWell = send(batch.get(next++));
                }
                mark();
            } finally {
                repository.release(batch.subList(next, batch.size()).stream().map(QueuedMail::id).toList(), claimedUntil);
            }
            return serverWell;
        }

        /** Sends one mail; false when it failed for a reason that would hold for the next mails too. */
        private boolean send(QueuedMail mail) {
            try {
                if (connection == null || !connection.isConnected()) {
                    connection = transport.connect();
                }
                connection.send(mail, clock.instant());
                unmarked.put(mail.id(), clock.instant());
                sent++;
                LOG.debug("mail {} ({}) sent", mail.id(), mail.mail().kind());
                if (unmarked.size() >= MARKED_AT_ONCE) {
                    mark();
                }
                return true;
            } catch (DeliveryFailure failure) {
                mark();
                failed(mail, failure);
                close();
                return failure.permanent();
            }
        }

        private void mark() {
            repository.markSent(unmarked);
            unmarked.clear();
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    private void failed(QueuedMail mail, DeliveryFailure failure) {
        int attempts = mail.attempts() + 1;
        if (failure.permanent()) {
            repository.markFailed(mail.id(), "refused: " + failure.getMessage(), OutboxRepository.REFUSED);
            LOG.warn("mail {} ({}) refused by the server for good after {} attempts; kept in the outbox: {}",
                    mail.id(), mail.mail().kind(), attempts, failure.getMessage());
            return;
        }
        Duration wait = backOff(attempts);
        repository.markFailed(mail.id(), failure.getMessage(), clock.instant().plus(wait).toEpochMilli());
        LOG.warn("mail {} ({}) not sent (attempt {}), next try in {} s: {}", mail.id(), mail.mail().kind(), attempts,
                wait.toSeconds(), failure.getMessage());
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min ... at most an hour, for ever. */
    static Duration backOff(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 7) {
            return LONGEST_WAIT;
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Makes every unsent mail due now (refused ones too) and wakes the sender; returns how many. */
    public int makeAllDue() {
        int due = repository.makeAllDue(clock.instant());
        wake();
        return due;
    }

    /** Counts and the most recent mails, for the admin. */
    public OutboxReport report(int recent) {
        Instant now = clock.instant();
        return new OutboxReport(repository.counts(now), repository.recent(now, recent));
    }

    /** Starts the background thread; without an SMTP server mail waits until an administrator sets one. */
    public void start() {
        if (!configured()) {
            LOG.info("no SMTP server is set (VERTEBRA_SMTP_HOST, or Mail settings in the admin); mail waits in the outbox");
        }
        worker.start();
    }

    /** Asks the background thread to look at the outbox now rather than at the next poll. */
    public void wake() {
        worker.wake();
    }

    /** A round of the background thread: true when it found a full round due, so more may wait. */
    private boolean sendRound() {
        sendDue();
        return roundWasFull;
    }

    @Override
    public void close() {
        worker.close();
    }
}
