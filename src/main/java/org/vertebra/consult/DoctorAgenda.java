package org.vertebra.consult;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;

/**
 * The clinic's side of consultations, for doctors and administrators: the doctors and their hours,
 * the agenda, a consultation's page with its health data (every opening logged) and notes, moving
 * and cancelling by the clinic, and the morning agenda mail's hour. Notes are sealed by
 * {@link HealthDataCipher} before they reach the database.
 */
public final class DoctorAgenda {

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final DoctorSchedule schedule;
    private final ConsultOutbox outbox;
    private final HealthDataSeal seal;
    private final Clock clock;
    private final MessageBundles texts;
    private final Supplier<Language> siteLanguage;

    /** A consultation as the doctor sees it: the booking and, unless erased, its health data. */
    public record Consultation(Booking booking, Doctor doctor, Intake intake, String notes, String videoUrl) {
    }

    DoctorAgenda(Transactor transactor, ConsultRepository repository, DoctorSchedule schedule, ConsultOutbox outbox,
                 HealthDataSeal seal, Clock clock, MessageBundles texts, Supplier<Language> siteLanguage) {
        this.transactor = transactor;
        this.repository = repository;
        this.schedule = schedule;
        this.outbox = outbox;
        this.seal = seal;
        this.clock = clock;
        this.texts = texts;
        this.siteLanguage = siteLanguage;
    }

    /** The site's language, which a booking is in unless the patient chose another. */
    public Language siteLanguage() {
        return siteLanguage.get();
    }

    /** Today's date in a zone, by the service's clock. */
    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** The doctor's free slots on the dates {@code from} to {@code to} read in {@code viewerZone}. */
    public List<Slot> freeSlots(Doctor doctor, LocalDate from, LocalDate to, ZoneId viewerZone) {
        return schedule.freeSlots(doctor, from, to, viewerZone);
    }

    // --- doctors and their schedules

    public List<Doctor> allDoctors() {
        return repository.doctors(false);
    }

    public Optional<Doctor> doctor(String slug) {
        return slug == null ? Optional.empty() : repository.doctor(slug);
    }

    public Optional<Doctor> doctor(long id) {
        return repository.doctor(id);
    }

    public Optional<Doctor> doctorOfUser(long userId) {
        return repository.doctorOfUser(userId);
    }

    /** Adds a doctor with no hours yet; a unique slug is made from the name when {@code slug} is taken. */
    public Doctor addDoctor(String slug, String name, ZoneId zone, int slotMinutes, Long userId, Long authorId) {
        String free = slug;
        for (int n = 2; repository.doctor(free).isPresent(); n++) {
            free = slug + "-" + n;
        }
        long id = repository.addDoctor(free, name, zone, slotMinutes, userId, authorId, clock.instant());
        return repository.doctor(id).orElseThrow();
    }

    /**
     * An administrator's choice of an account as a doctor (the caller checked that the account may
     * consult): who patients see, in which zone the hours are, how long a consultation lasts.
     *
     * @param authorId the author profile linked to the account, if any: its unclaimed schedule (the demo doctor's, say) is reused
     */
    public record Attach(long userId, String name, String credentials, ZoneId zone, int slotMinutes, Long authorId) {
    }

    /** Detaching was refused: the doctor has consultations that have not taken place yet. */
    public static final class StillBooked extends RuntimeException {
        private final int count;
        private final transient Instant next;

        StillBooked(int count, Instant next) {
            super("the doctor has consultations to come", null, false, false);
            this.count = count;
            this.next = next;
        }

        public int count() {
            return count;
        }

        public Instant next() {
            return next;
        }
    }

    /**
     * Makes the account a doctor patients can book: the schedule of its author profile when that
     * has no account, else a new one (with no hours yet), in one transaction.
     *
     * @throws Invalid when the account is a doctor already
     */
    public Doctor attach(Attach a) {
        return transactor.inTransaction(() -> {
            Optional<Doctor> own = repository.doctorOfUser(a.userId());
            if (own.isPresent() && own.get().active()) {
                throw Invalid.of("account", "This account is a doctor already, as " + own.get().name()
                        + "; change that schedule under its hours.");
            }
            long id = own.map(Doctor::id).orElseGet(() -> {
                if (a.authorId() != null && repository.linkUserByAuthor(a.authorId(), a.userId())) {
                    return repository.doctorOfUser(a.userId()).orElseThrow().id();
                }
                String slug = org.vertebra.content.Slugs.of(a.name());
                return addDoctor(slug.isEmpty() ? "doctor" : slug, a.name(), a.zone(), a.slotMinutes(), a.userId(), a.authorId()).id();
            });
            repository.attach(id, a.userId(), a.name(), a.credentials() == null ? "" : a.credentials(), a.zone(), a.slotMinutes());
            return repository.doctor(id).orElseThrow();
        });
    }

    /**
     * Detaches the doctor: no longer bookable, and the account no longer opens the schedule's
     * consultations (administrators still do). Refused while consultations are still to come, so
     * that no patient is left without a doctor: stop new bookings by clearing the hours, and
     * detach once those have taken place or been cancelled.
     *
     * @throws StillBooked when active bookings have not ended yet
     */
    public Doctor detach(long doctorId) {
        return transactor.inTransaction(() -> {
            repository.lockDoctor(doctorId);
            List<Instant> upcoming = repository.upcomingStarts(doctorId, clock.instant());
            if (!upcoming.isEmpty()) {
                throw new StillBooked(upcoming.size(), upcoming.get(0));
            }
            repository.detach(doctorId);
            return repository.doctor(doctorId).orElseThrow();
        });
    }

    /** How many active consultations of the doctor have not ended yet. */
    public int upcomingCount(long doctorId) {
        return repository.upcomingStarts(doctorId, clock.instant()).size();
    }

    public void updateRules(long doctorId, ZoneId zone, int slotMinutes, int bufferMinutes, int noticeMinutes, int horizonDays) {
        repository.updateRules(doctorId, zone, slotMinutes, bufferMinutes, noticeMinutes, horizonDays);
    }

    public List<WeeklyHours> hours(long doctorId) {
        return repository.hours(doctorId);
    }

    public void setHours(long doctorId, List<WeeklyHours> hours) {
        transactor.run(() -> repository.replaceHours(doctorId, hours));
    }

    public List<DateException> exceptions(long doctorId) {
        return repository.exceptions(doctorId);
    }

    public void addException(long doctorId, DateException exception) {
        repository.addException(doctorId, exception);
    }

    public void removeExceptions(long doctorId, LocalDate date) {
        repository.removeExceptions(doctorId, date);
    }

    public Availability availability(Doctor doctor) {
        return schedule.availability(doctor);
    }

    public Optional<Booking> booking(long id) {
        return repository.booking(id);
    }

    /**
     * The consultation when this person may open it (an administrator any, a doctor their own), for
     * another feature acting on it, such as prescribed reading; empty otherwise.
     */
    public Optional<Booking> bookingOpenTo(long id, org.vertebra.access.User user) {
        return booking(id).filter(b -> doctor(b.doctorId()).map(d -> ConsultAccess.mayOpen(user, d)).orElse(false));
    }

    // --- the doctor's side

    /** The doctor's consultations starting on this date in the doctor's zone, cancelled ones too. */
    public List<Booking> agenda(Doctor doctor, LocalDate date) {
        return repository.between(doctor.id(), date.atStartOfDay(doctor.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(doctor.zone()).toInstant());
    }

    /** The consultation with its health data opened; the viewing is logged (who, when, which booking). */
    public Optional<Consultation> open(long bookingId, long userId, String userName) {
        Optional<Booking> found = repository.booking(bookingId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Booking b = found.get();
        String[] sealed = repository.sealed(bookingId);
        repository.logView(bookingId, userId, userName, clock.instant());
        Intake intake = sealed[0] == null ? null : seal.openIntake(sealed[0]);
        return Optional.of(new Consultation(b, repository.doctor(b.doctorId()).orElseThrow(), intake,
                seal.openNotes(sealed[1]), outbox.videoUrl(b)));
    }

    public boolean mark(long bookingId, Booking.Status status) {
        return repository.setStatus(bookingId, status);
    }

    public void saveNotes(long bookingId, String notes) {
        repository.setNotes(bookingId, notes == null || notes.isBlank() ? null : seal.sealNotes(notes.strip()));
    }

    /** The latest views of health data, for administrators. */
    public List<ConsultRepository.View> viewLog() {
        return repository.views(200);
    }

    /** Whether the clinic may still cancel or move it: active, booked, and not yet begun. */
    public boolean changeableByClinic(Booking booking) {
        return !booking.cancelled() && booking.status() == Booking.Status.BOOKED && clock.instant().isBefore(booking.start());
    }

    /**
     * Cancels from the admin (the doctor or an administrator, {@code by}); the patient gets the
     * cancellation with its calendar update, and the doctor a notice unless they did it.
     * False when it had been cancelled, had begun, or was done.
     */
    public boolean cancelByClinic(long bookingId, long byUserId, String byName) {
        return transactor.inTransaction(() -> {
            Booking b = repository.booking(bookingId).orElseThrow();
            if (!changeableByClinic(b) || !repository.cancel(b.id(), clock.instant())) {
                return false;
            }
            Doctor doctor = repository.doctor(b.doctorId()).orElseThrow();
            outbox.enqueue(outbox.mail().cancelledByClinic(b, doctor.name(), outbox.videoUrl(b), clock.instant(),
                    repository.calendarSequence(b.id())));
            outbox.tellDoctor(doctor, byUserId, to -> outbox.notice().cancelled(to, doctor, b, byName));
            return true;
        });
    }

    /**
     * Moves from the admin to another free slot of the doctor; the patient gets the new time with
     * its calendar update (and a new link, the old one naming the old time), the doctor a notice
     * unless they did it.
     *
     * @throws Invalid   when it can no longer be moved or the time is not a free slot
     * @throws SlotTaken when another booking took the time first
     */
    public Booked moveByClinic(long bookingId, Instant newStart, long byUserId, String byName) {
        Booking old = repository.booking(bookingId).orElseThrow();
        if (!changeableByClinic(old)) {
            throw Invalid.of("start", "This consultation was cancelled, has begun or is over, so it can no longer be moved.");
        }
        // The clinic's desk is in English, as the admin is.
        return schedule.move(repository.doctor(old.doctorId()).orElseThrow(), old, newStart, byUserId, byName, texts.of(Language.ENGLISH));
    }

    /**
     * The day the agenda opens on: today when a consultation is still booked today, else the day
     * of the next one, else today. An empty today says nothing a doctor needs.
     */
    public LocalDate openingDay(Doctor doctor) {
        LocalDate today = clock.instant().atZone(doctor.zone()).toLocalDate();
        return repository.firstActiveFrom(doctor.id(), today.atStartOfDay(doctor.zone()).toInstant())
                .map(start -> start.atZone(doctor.zone()).toLocalDate()).orElse(today);
    }

    /** The doctor's consultations starting on {@code days} dates from {@code from} in the doctor's zone, cancelled ones too. */
    public List<Booking> agenda(Doctor doctor, LocalDate from, int days) {
        return repository.between(doctor.id(), from.atStartOfDay(doctor.zone()).toInstant(),
                from.plusDays(days).atStartOfDay(doctor.zone()).toInstant());
    }

    /**
     * The urgency of each booking's most urgent warning sign, opened from its sealed intake: the
     * flag the agenda, the dashboard and the doctor's mail show. Only the level is read out here;
     * the answers themselves open on the detail page, whose every opening is logged.
     */
    public java.util.Map<Long, RedFlag.Urgency> urgencies(List<Booking> bookings) {
        java.util.Map<Long, String> sealed = repository.sealedIntakes(bookings.stream().map(Booking::id).toList());
        java.util.Map<Long, RedFlag.Urgency> urgencies = new java.util.HashMap<>();
        for (Booking b : bookings) {
            String value = sealed.get(b.id());
            urgencies.put(b.id(), value == null ? RedFlag.Urgency.NONE : seal.openIntake(value).urgency());
        }
        return urgencies;
    }

    /** The next active consultations: of this doctor, or of every doctor when null. */
    public List<Booking> nextConsultations(Doctor doctor, int limit) {
        return repository.nextActive(doctor == null ? null : doctor.id(), clock.instant(), limit);
    }

    // --- the morning agenda mail

    /** The hour of the doctor's morning agenda mail, in the doctor's zone; empty when it is off. */
    public Optional<Integer> morningAgendaHour(long doctorId) {
        return repository.agendaMailHour(doctorId);
    }

    /** Switches the morning agenda mail on at this hour (0-23), or off with null. */
    public void setMorningAgendaHour(long doctorId, Integer hour) {
        if (hour != null && (hour < 0 || hour > 23)) {
            throw Invalid.of("agendaHour", "Choose an hour from 00 to 23.");
        }
        repository.setAgendaMailHour(doctorId, hour);
    }

    /** Where the doctor's mail goes: the address of the account that keeps the schedule, if it may sign in. */
    public Optional<String> doctorAddress(Doctor doctor) {
        return outbox.doctorAddress(doctor);
    }
}
