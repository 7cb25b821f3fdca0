package org.vertebra.consult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.data.Transactor;

/**
 * The consultations' background work and the patient's data rights: reminders and the doctors'
 * morning agendas (run by {@link ReminderJob}), the retention purge of health data (run by
 * housekeeping), a patient's export and erasure, and the rotation of the health data key
 * ({@link HealthDataRekey}).
 */
public final class ConsultJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ConsultJobs.class);

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final DoctorAgenda agenda;
    private final ConsultOutbox outbox;
    private final HealthDataSeal seal;
    private final ConsultOptions options;
    private final Clock clock;

    /** A consultation as its patient downloads it; times are ISO-8601 instants, as in the API. */
    public record Export(long id, String doctor, String start, String end, String name, String email, String phone,
                         String status, boolean cancelled, Intake intake) {
    }

    ConsultJobs(Transactor transactor, ConsultRepository repository, DoctorAgenda agenda, ConsultOutbox outbox,
                HealthDataSeal seal, ConsultOptions options, Clock clock) {
        this.transactor = transactor;
        this.repository = repository;
        this.agenda = agenda;
        this.outbox = outbox;
        this.seal = seal;
        this.options = options;
        this.clock = clock;
    }

    // --- reminders and retention

    /**
     * Enqueues the reminders that are due, each exactly once: a conditional UPDATE claims it in the
     * same transaction as its mail, so a restart or a second server finds it already claimed.
     * Returns how many were enqueued.
     */
    public int sendDueReminders() {
        return remind("reminder_24h_at", DoctorSchedule.REMINDER_DAY, "consult.mail.tomorrow")
                + remind("reminder_1h_at", DoctorSchedule.REMINDER_HOUR, "consult.mail.inAnHour");
    }

    /** @param soon the key of the reminder's "tomorrow" or "in an hour", said in the booking's language */
    private int remind(String column, Duration before, String soon) {
        Instant now = clock.instant();
        int sent = 0;
        for (long id : repository.dueReminders(column, now, now.plus(before))) {
            boolean claimed = transactor.inTransaction(() -> {
                if (!repository.claimReminder(column, id, now)) {
                    return false;
                }
                Booking b = repository.booking(id).orElseThrow();
                Doctor doctor = repository.doctor(b.doctorId()).orElseThrow();
                outbox.enqueue(outbox.mail().reminder(b, doctor.name(), outbox.videoUrl(b), outbox.manageUrl(b), soon));
                return true;
            });
            sent += claimed ? 1 : 0;
        }
        return sent;
    }

    /** Erases intake answers and notes of consultations that ended more than the retention period ago. */
    public int eraseExpiredHealthData() {
        Instant now = clock.instant();
        int erased = repository.erase(now.minus(Duration.ofDays(options.retentionDays())), now);
        if (erased > 0) {
            LOG.info("consultations: health data of {} past consultations erased after {} days", erased, options.retentionDays());
        }
        return erased;
    }

    // --- the morning agenda mail

    /**
     * Enqueues the morning agenda of every doctor who asked for it and whose hour has come today,
     * once per doctor and day: the day is claimed by a conditional UPDATE in the same transaction
     * as the mail, so every server may run this and one mail goes out. A day without consultations
     * is claimed but sends nothing. Returns how many mails were enqueued.
     */
    public int sendDueMorningAgendas() {
        Instant now = clock.instant();
        int sent = 0;
        for (Doctor doctor : repository.doctorsWithAgendaMail()) {
            int hour = repository.agendaMailHour(doctor.id()).orElse(-1);
            java.time.ZonedDateTime local = now.atZone(doctor.zone());
            Optional<String> to = outbox.doctorAddress(doctor);
            if (to.isEmpty() || local.getHour() < hour || local.getHour() >= hour + MorningAgenda.LATE_HOURS) {
                continue;
            }
            LocalDate today = local.toLocalDate();
            boolean enqueued = transactor.inTransaction(() -> {
                if (!repository.claimAgendaMail(doctor.id(), today)) {
                    return false;
                }
                List<Booking> day = agenda.agenda(doctor, today).stream().filter(b -> !b.cancelled()).toList();
                if (day.isEmpty()) {
                    return false;
                }
                java.util.Map<Long, RedFlag.Urgency> urgency = agenda.urgencies(day);
                outbox.enqueue(outbox.morningAgenda().mail(to.get(), doctor, today,
                        day.stream().map(b -> new MorningAgenda.Entry(b, urgency.get(b.id()))).toList()));
                return true;
            });
            sent += enqueued ? 1 : 0;
        }
        return sent;
    }

    // --- data rights (wired by the privacy work)

    /** Every consultation booked under this address, with its intake answers unless erased. */
    public List<Export> export(String email) {
        return repository.byEmail(email).stream().map(b -> {
            String sealed = repository.sealed(b.id())[0];
            return new Export(b.id(), repository.doctor(b.doctorId()).map(Doctor::name).orElse(""), b.start().toString(),
                    b.end().toString(),
                    b.name(), b.email(), b.phone(), b.status().key(), b.cancelled(),
                    sealed == null ? null : seal.openIntake(sealed));
        }).toList();
    }

    /** Erases the patient's details and health data from every consultation under this address; returns how many. */
    public int erase(String email) {
        return repository.eraseByEmail(email, clock.instant());
    }

    // --- key rotation

    /**
     * What a rekey did, counted in values (a booking holds up to two).
     *
     * @param keyId      the id of the current key (a hash, safe to show)
     * @param resealed   values sealed again under the current key
     * @param current    values that were under it already
     * @param changed    values a server changed or erased while the run read them (left as the server wrote them)
     * @param unreadable bookings with a value under a key this configuration lacks (ids only, no health data)
     * @param remaining  values not under the current key when the run ended (0: the old keys may go)
     */
    public record Rekeyed(String keyId, int resealed, int current, int changed, List<Long> unreadable, int remaining) {
    }

    /**
     * Seals every intake and note again under the current health data key, {@code batchSize}
     * bookings per transaction; safe to run again and while servers serve.
     */
    public Rekeyed rekey(int batchSize) {
        return new HealthDataRekey(transactor, repository, seal.cipher()).run(batchSize);
    }

    /** The ids of the retired keys this server still opens (hashes, safe to show). */
    public List<String> oldKeyIds() {
        return seal.cipher().oldKeyIds();
    }

}
