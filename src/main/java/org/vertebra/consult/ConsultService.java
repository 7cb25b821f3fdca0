package org.vertebra.consult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;
import org.vertebra.language.Messages;
import org.vertebra.mail.Outbox;
import org.vertebra.secret.HmacSigner;
import org.vertebra.secret.SecretTokens;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * Video consultations: free slots, booking without double booking, moving and cancelling by the
 * patient's signed link, reminders, the doctor's agenda and notes, and the retention of health data.
 *
 * <p>A booking is one transaction: it takes the doctor's row (bookings for one doctor queue),
 * checks that the start is one of the free slots, inserts the booking (a partial unique index on
 * doctor and start refuses a second active one, whatever server inserts it) and enqueues the
 * confirmation mail. Intake answers and notes are sealed by {@link HealthDataCipher} before they
 * reach the database.
 */
public final class ConsultService {

    public static final String FORM = "consult";
    /** Bookings from one network address per hour. */
    public static final int PER_HOUR = 10;
    static final Duration REMINDER_DAY = Duration.ofHours(24);
    static final Duration REMINDER_HOUR = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ConsultService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NEXT_FREE = 5;

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final Outbox outbox;
    private final HealthDataCipher cipher;
    private final ManageLinks links;
    private final FormSubmissions submissions;
    private final ConsultOptions options;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Clock clock;
    private final Supplier<String> sender;
    private final LongFunction<Optional<String>> accountAddress;
    private final FormGuard guard;
    private final MessageBundles texts;
    private final Supplier<Language> siteLanguage;

    /**
     * A booking made: what the patient's confirmation shows. {@code again}: the form had made this
     * booking already (sent twice), so nothing new was booked or mailed.
     */
    public record Booked(Booking booking, String doctorName, String videoUrl, String manageUrl, boolean again) {
        public Booked(Booking booking, String doctorName, String videoUrl, String manageUrl) {
            this(booking, doctorName, videoUrl, manageUrl, false);
        }
    }

    /** The slot was taken by someone else first; {@code next} are the next free slots of that doctor. */
    public static final class SlotTaken extends RuntimeException {
        private final transient List<Slot> next;

        SlotTaken(List<Slot> next) {
            super("this time was just taken", null, false, false);
            this.next = List.copyOf(next);
        }

        public List<Slot> next() {
            return next;
        }
    }

    /** A consultation as the doctor sees it: the booking and, unless erased, its health data. */
    public record Consultation(Booking booking, Doctor doctor, Intake intake, String notes, String videoUrl) {
    }

    /** The patient's data for a data-rights export. */
    /** A consultation as its patient downloads it; times are ISO-8601 instants, as in the API. */
    public record Export(long id, String doctor, String start, String end, String name, String email, String phone,
                         String status, boolean cancelled, Intake intake) {
    }

    /** What a manage link opens. */
    public record Managed(ManageLinks.Check check, Booking booking, Doctor doctor, boolean changeable) {
        public boolean valid() {
            return check == ManageLinks.Check.VALID;
        }
    }

    /**
     * @param sender         the site's sender address (bare), the organizer of calendar invitations
     * @param accountAddress the mail address of an account (a doctor's), when it has one and may sign in
     * @param guard          the public forms' spam guard, which also keeps the hourly limit per address
     * @param texts          the interface text of each language: patients' mails and problems speak theirs
     * @param siteLanguage   the site's language: a booking's when it names none the site speaks
     */
    public ConsultService(Jdbi jdbi, Transactor transactor, Outbox outbox, HealthDataCipher cipher, HmacSigner signer,
                          ConsultOptions options, Supplier<String> siteTitle, String baseUrl, Clock clock,
                          Supplier<String> sender, LongFunction<Optional<String>> accountAddress, FormGuard guard,
                          MessageBundles texts, Supplier<Language> siteLanguage) {
        this.transactor = transactor;
        this.repository = new ConsultRepository(jdbi);
        this.outbox = outbox;
        this.cipher = cipher;
        this.links = new ManageLinks(signer, baseUrl);
        this.submissions = new FormSubmissions(signer);
        this.options = options;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.sender = sender;
        this.accountAddress = accountAddress;
        this.guard = guard;
        this.texts = texts;
        this.siteLanguage = siteLanguage;
    }

    // --- the patient's language

    /** The language this tag names when the site has texts for it, else the site's: what a page or booking is in. */
    public Language patientLanguage(String tag) {
        return spoken(tag).orElseGet(siteLanguage);
    }

    /** The languages a patient may choose: the site's first, then each shipped language the site does not speak already. */
    public List<Language> patientLanguages() {
        List<Language> languages = new java.util.ArrayList<>(List.of(siteLanguage.get()));
        MessageBundles.SHIPPED.stream().filter(l -> languages.stream().noneMatch(k -> k.base().equals(l.base())))
                .forEach(languages::add);
        return languages;
    }

    /** The site's language, which a booking is in unless the patient chose another. */
    public Language siteLanguage() {
        return siteLanguage.get();
    }

    /** The interface text of a language. */
    public Messages text(Language lang) {
        return texts.of(lang);
    }

    private Optional<Language> spoken(String tag) {
        return Language.parse(tag).filter(texts::speaks);
    }

    // --- doctors and their schedules

    public List<Doctor> doctors() {
        return repository.doctors(true);
    }

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
        return doctor.availability(repository.hours(doctor.id()), repository.exceptions(doctor.id()));
    }

    // --- slots and bookings

    /** The doctor's free slots on the dates {@code from} to {@code to} read in {@code viewerZone}. */
    public List<Slot> freeSlots(Doctor doctor, LocalDate from, LocalDate to, ZoneId viewerZone) {
        Instant start = from.atStartOfDay(viewerZone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(viewerZone).toInstant();
        return SlotCalendar.free(availability(doctor), repository.taken(doctor.id(), start.minus(Duration.ofDays(1)),
                end.plus(Duration.ofDays(1))), clock.instant(), from, to, viewerZone);
    }

    /** The next few free slots from now. */
    public List<Slot> nextFree(Doctor doctor) {
        Instant now = clock.instant();
        Availability rules = availability(doctor);
        Instant until = now.plus(Duration.ofDays(rules.horizonDays() + 1L));
        return SlotCalendar.free(rules, repository.taken(doctor.id(), now, until), now, now, until).stream()
                .limit(NEXT_FREE).toList();
    }

    /**
     * Books the consultation and enqueues its confirmation, in one transaction, for a caller inside
     * the site (an import, a test): every rule of the booking, but no hourly limit, there being no
     * address to count.
     *
     * @throws Invalid   with every problem of the command, for a doctor that does not exist or a
     *                   time that is not one of the free slots
     * @throws SlotTaken when another booking has the time
     */
    public Booked book(BookingCommand command) {
        return book(check(command), null);
    }

    /**
     * Books what a patient sent over the network, by whichever way: the command's rules (the
     * fields, the acknowledgement of a warning sign's advice, consent), then the spam guard's (from
     * the booking page: its ticket, hidden field and block list; from the API, which has no
     * ticket: the hourly limit per address), then the doctor's (notice, horizon, hours). The same
     * page form sent twice answers its first booking and books nothing more.
     *
     * @throws Invalid   with every problem of the command, or the guard's refusal (field null)
     * @throws TooMany   when the address has booked {@link #PER_HOUR} times in the last hour (from the API)
     * @throws Spam      when the page's form looks sent by a robot: nothing is booked, nothing need be said
     * @throws SlotTaken when another booking has the time
     */
    public Booked book(BookingCommand command, BookingCommand.Sender sender) {
        BookingRequest request = check(command);
        BookingCommand.PageForm form = sender.form();
        if (form == null) {
            if (!guard.withinLimit(FORM, sender.address(), PER_HOUR)) {
                throw new TooMany();
            }
        } else {
            Verdict verdict = guard.check(new FormGuard.Submission(FORM, sender.address(), form.ticket(), form.honeypot(), PER_HOUR,
                    List.of(request.name(), request.email(), request.intake().complaint())));
            if (verdict.kind() == Verdict.Kind.REFUSED) {
                throw new Invalid(List.of(verdict.problem())); // with its code, so the page says it in the patient's language
            }
            if (!verdict.accepted()) {
                throw new Spam();
            }
        }
        Booked booked = book(request, form == null ? null : form.id());
        if (!booked.again()) {
            guard.record(FORM, sender.address());
        }
        return booked;
    }

    /**
     * Checks the command in its language: the booking is in the language it names (when the site
     * speaks it) or the site's; its problems are told in the language it names, or in English when
     * it names none, as the API told them before bookings had a language.
     */
    private BookingRequest check(BookingCommand command) {
        Optional<Language> named = spoken(command.lang());
        return BookingRequest.check(command, named.orElseGet(siteLanguage), texts.of(named.orElse(Language.ENGLISH)));
    }

    /** Too many bookings from one address in the last hour. */
    public static final class TooMany extends RuntimeException {
        public static final String MESSAGE = "Too many bookings from this address in the last hour. Please wait a while.";

        TooMany() {
            super(MESSAGE, null, false, false);
        }
    }

    /** A booking the spam guard took for a robot's; nothing was booked. */
    public static final class Spam extends RuntimeException {
        Spam() {
            super("taken for spam", null, false, false);
        }
    }

    /** Books a checked request; when the page form {@code formId} booked already (it was sent twice), answers that booking. */
    private Booked book(BookingRequest request, String formId) {
        Doctor doctor = doctor(request.doctor()).filter(Doctor::active)
                .orElseThrow(() -> Invalid.of("doctor", request.text().get("consult.problem.doctor")));
        Instant now = clock.instant();
        String room = submissions.room(formId);
        boolean[] again = {false};
        Booking booking = orTaken(doctor, () -> transactor.inTransaction(() -> {
            repository.lockDoctor(doctor.id());
            // Under the doctor's lock, so that a double tap's second request waits for the first and finds it.
            Optional<Booking> before = FormSubmissions.wellFormed(formId) ? repository.activeInRoom(doctor.id(), room) : Optional.empty();
            if (before.isPresent()) {
                again[0] = true;
                return before.get();
            }
            if (!repository.doctor(doctor.id()).map(Doctor::active).orElse(false)) {
                throw Invalid.of("doctor", request.text().get("consult.problem.doctorGone"));
            }
            Availability rules = availability(doctor);
            Instant end = request.start().plus(rules.slotLength());
            checkFree(doctor, rules, request.start(), end, now, null, request.text());
            long id = repository.insert(new ConsultRepository.NewBooking(doctor.id(), request.start(), end, request.name(),
                    request.email(), request.phone(), request.zone(), cipher.encrypt("intake", json(request.intake())),
                    room, now, !request.start().isAfter(now.plus(REMINDER_DAY)),
                    !request.start().isAfter(now.plus(REMINDER_HOUR)), request.lang()));
            Booking made = repository.booking(id).orElseThrow();
            outbox.enqueue(mail().booked(made, doctor.name(), videoUrl(made), links.url(made), now, false, 0));
            tellDoctorOfBooking(doctor, made, request.intake().urgency());
            return made;
        }));
        return new Booked(booking, doctor.name(), videoUrl(booking), links.url(booking), again[0]);
    }

    /**
     * Runs a booking's transaction; a lost race, whether the overlap check or the unique index
     * noticed it, becomes {@link SlotTaken} with the doctor's next free slots (read after the rollback).
     */
    private Booking orTaken(Doctor doctor, Supplier<Booking> work) {
        try {
            return work.get();
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new SlotTaken(nextFree(doctor));
            }
            throw e;
        } catch (SlotTaken taken) {
            throw new SlotTaken(nextFree(doctor));
        }
    }

    /** Refuses a start that is not a free slot: taken by another booking (409), or never bookable (422), told in {@code text}. */
    private void checkFree(Doctor doctor, Availability rules, Instant start, Instant end, Instant now, Long except, Messages text) {
        Duration buffer = Duration.ofMinutes(rules.bufferMinutes());
        List<Slot> taken = repository.taken(doctor.id(), start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        if (except != null) {
            Booking own = repository.booking(except).orElseThrow();
            taken = taken.stream().filter(s -> !s.equals(own.slot())).toList();
        }
        if (SlotCalendar.isFree(rules, taken, now, start)) {
            return;
        }
        if (SlotCalendar.isFree(rules, List.of(), now, start)) {
            throw new SlotTaken(List.of());
        }
        if (!start.isAfter(now)) {
            throw Invalid.of("start", text.get("consult.problem.passed"));
        }
        if (start.isBefore(now.plus(rules.notice()))) {
            throw Invalid.of("start", text.format("consult.problem.soon", new PatientWords(text).duration(rules.notice())));
        }
        if (start.isAfter(now.plus(Duration.ofDays(rules.horizonDays())))) {
            throw Invalid.of("start", text.format("consult.problem.far", rules.horizonDays()));
        }
        throw Invalid.of("start", text.get("consult.problem.hours"));
    }

    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }

    public Optional<Booking> booking(long id) {
        return repository.booking(id);
    }

    /**
     * The consultation when this person may open it (an administrator any, a doctor their own), for
     * another feature acting on it, such as prescribed reading; empty otherwise.
     */
    public Optional<Booking> bookingOpenTo(long id, org.vertebra.account.User user) {
        return booking(id).filter(b -> doctor(b.doctorId()).map(d -> ConsultAccess.mayOpen(user, d)).orElse(false));
    }

    /**
     * Whether this address holds the doctor's active booking at this start: a patient who filled
     * in a new form for the time they booked already is told so, not that someone else took it.
     */
    public boolean bookedBy(Doctor doctor, Instant start, String email) {
        return email != null && repository.between(doctor.id(), start, start.plusMillis(1)).stream()
                .anyMatch(b -> !b.cancelled() && b.email().equalsIgnoreCase(email.strip()));
    }

    /** Checks a manage link's parameters: whether it is this site's, current, and whether the booking may still change. */
    public Managed managed(String id, String start, String signature) {
        Booking booking = id != null && id.matches("\\d{1,18}") ? repository.booking(Long.parseLong(id)).orElse(null) : null;
        ManageLinks.Check check = links.check(booking, id, start, signature);
        if (check != ManageLinks.Check.VALID) {
            return new Managed(check, null, null, false);
        }
        return new Managed(check, booking, repository.doctor(booking.doctorId()).orElseThrow(), changeable(booking));
    }

    /** Whether the patient may still cancel or move it online: active, and before the cut-off. */
    public boolean changeable(Booking booking) {
        return !booking.cancelled() && booking.status() == Booking.Status.BOOKED
                && changeCutoff().allows(booking.start(), clock.instant());
    }

    /** Today's date in a zone, by the service's clock. */
    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    public Duration cancelCutoff() {
        return options.cancelCutoff();
    }

    /** The cut-off for moving and cancelling online, with the words the patient's pages tell it in. */
    public ChangeCutoff changeCutoff() {
        return new ChangeCutoff(options.cancelCutoff());
    }

    /**
     * Whether the patient ticked a warning sign that needs emergency care, for their own
     * confirmation page; not a staff viewing, so not logged. False once the answers are erased.
     */
    public boolean needsEmergencyCare(Booking booking) {
        String sealed = repository.sealed(booking.id())[0];
        return sealed != null && RedFlag.anyEmergency(intake(cipher.decrypt("intake", sealed)).redFlags());
    }

    /** Cancels by the patient's link; false when it was already cancelled or is past the cut-off. */
    public boolean cancel(Managed managed) {
        if (!managed.valid() || !managed.changeable()) {
            return false;
        }
        Booking b = managed.booking();
        return transactor.inTransaction(() -> {
            if (!repository.cancel(b.id(), clock.instant())) {
                return false;
            }
            outbox.enqueue(mail().cancelled(b, managed.doctor().name(), videoUrl(b), clock.instant(),
                    repository.calendarSequence(b.id())));
            tellDoctor(managed.doctor(), null, to -> notice().cancelled(to, managed.doctor(), b, "the patient"));
            return true;
        });
    }

    /** Moves the consultation to another free slot by the patient's link; a new confirmation goes out. */
    public Booked reschedule(Managed managed, Instant newStart) {
        if (!managed.valid() || !managed.changeable()) {
            throw Invalid.of("start", text(managed.booking().lang()).get("consult.manage.notMovable"));
        }
        return move(managed.doctor(), managed.booking(), newStart, null, "the patient", text(managed.booking().lang()));
    }

    public String videoUrl(Booking booking) {
        return options.jitsiBaseUrl() + "/" + booking.room();
    }

    public String managePath(Booking booking) {
        return links.path(booking);
    }

    /** The address of the booking's confirmation page, signed as the manage link is. */
    public String confirmationPath(Booking booking) {
        return links.confirmationPath(booking);
    }

    // --- reminders and retention

    /**
     * Enqueues the reminders that are due, each exactly once: a conditional UPDATE claims it in the
     * same transaction as its mail, so a restart or a second server finds it already claimed.
     * Returns how many were enqueued.
     */
    public int sendDueReminders() {
        return remind("reminder_24h_at", REMINDER_DAY, "consult.mail.tomorrow")
                + remind("reminder_1h_at", REMINDER_HOUR, "consult.mail.inAnHour");
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
                outbox.enqueue(mail().reminder(b, doctor.name(), videoUrl(b), links.url(b), soon));
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
        Intake intake = sealed[0] == null ? null : intake(cipher.decrypt("intake", sealed[0]));
        return Optional.of(new Consultation(b, repository.doctor(b.doctorId()).orElseThrow(), intake,
                cipher.decrypt("notes", sealed[1]), videoUrl(b)));
    }

    public boolean mark(long bookingId, Booking.Status status) {
        return repository.setStatus(bookingId, status);
    }

    public void saveNotes(long bookingId, String notes) {
        repository.setNotes(bookingId, notes == null || notes.isBlank() ? null : cipher.encrypt("notes", notes.strip()));
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
            outbox.enqueue(mail().cancelledByClinic(b, doctor.name(), videoUrl(b), clock.instant(),
                    repository.calendarSequence(b.id())));
            tellDoctor(doctor, byUserId, to -> notice().cancelled(to, doctor, b, byName));
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
        return move(repository.doctor(old.doctorId()).orElseThrow(), old, newStart, byUserId, byName, text(Language.ENGLISH));
    }

    /**
     * Moves a consultation to a free slot under the doctor's lock, mails the patient the new time
     * with the calendar update and tells the doctor, unless the doctor moved it ({@code byUserId}).
     */
    private Booked move(Doctor doctor, Booking old, Instant newStart, Long byUserId, String byName, Messages text) {
        Instant now = clock.instant();
        Booking moved = orTaken(doctor, () -> transactor.inTransaction(() -> {
            repository.lockDoctor(doctor.id());
            Availability rules = availability(doctor);
            Instant end = newStart.plus(rules.slotLength());
            checkFree(doctor, rules, newStart, end, now, old.id(), text);
            if (!repository.move(old.id(), newStart, end, now, !newStart.isAfter(now.plus(REMINDER_DAY)),
                    !newStart.isAfter(now.plus(REMINDER_HOUR)))) {
                throw Invalid.of("start", text.get("consult.problem.cancelled"));
            }
            Booking made = repository.booking(old.id()).orElseThrow();
            outbox.enqueue(mail().booked(made, doctor.name(), videoUrl(made), links.url(made), now, true,
                    repository.calendarSequence(made.id())));
            tellDoctor(doctor, byUserId, to -> notice().moved(to, doctor, made, old.start(), byName));
            return made;
        }));
        return new Booked(moved, doctor.name(), videoUrl(moved), links.url(moved));
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
            urgencies.put(b.id(), value == null ? RedFlag.Urgency.NONE : intake(cipher.decrypt("intake", value)).urgency());
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
            Optional<String> to = doctorAddress(doctor);
            if (to.isEmpty() || local.getHour() < hour || local.getHour() >= hour + MorningAgenda.LATE_HOURS) {
                continue;
            }
            LocalDate today = local.toLocalDate();
            boolean enqueued = transactor.inTransaction(() -> {
                if (!repository.claimAgendaMail(doctor.id(), today)) {
                    return false;
                }
                List<Booking> day = agenda(doctor, today).stream().filter(b -> !b.cancelled()).toList();
                if (day.isEmpty()) {
                    return false;
                }
                java.util.Map<Long, RedFlag.Urgency> urgency = urgencies(day);
                outbox.enqueue(new MorningAgenda(siteTitle.get(), baseUrl).mail(to.get(), doctor, today,
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
                    sealed == null ? null : intake(cipher.decrypt("intake", sealed)));
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
        return new HealthDataRekey(transactor, repository, cipher).run(batchSize);
    }

    /** The ids of the retired keys this server still opens (hashes, safe to show). */
    public List<String> oldKeyIds() {
        return cipher.oldKeyIds();
    }

    private ConsultMail mail() {
        return new ConsultMail(siteTitle.get(), baseUrl, sender.get(), texts::of);
    }

    private DoctorNotice notice() {
        return new DoctorNotice(siteTitle.get(), baseUrl);
    }

    // --- what the doctor hears

    /** The booking notice, and for an emergency-level warning sign its own urgent mail, in the booking's transaction. */
    private void tellDoctorOfBooking(Doctor doctor, Booking made, RedFlag.Urgency urgency) {
        tellDoctor(doctor, null, to -> notice().booked(to, doctor, made, urgency));
        if (urgency.emergency()) {
            tellDoctor(doctor, null, to -> notice().emergency(to, doctor, made));
        }
    }

    /**
     * Enqueues a mail to the doctor's account, unless the doctor has none (a schedule no account
     * keeps yet) or is the one who made the change ({@code actingUserId}).
     */
    private void tellDoctor(Doctor doctor, Long actingUserId, java.util.function.Function<String, org.vertebra.mail.OutgoingMail> mail) {
        doctorAddress(doctor).filter(to -> actingUserId == null || !actingUserId.equals(doctor.userId()))
                .ifPresent(to -> outbox.enqueue(mail.apply(to)));
    }

    /** Where the doctor's mail goes: the address of the account that keeps the schedule, if it may sign in. */
    public Optional<String> doctorAddress(Doctor doctor) {
        return doctor.userId() == null ? Optional.empty() : accountAddress.apply(doctor.userId());
    }

    private static String json(Intake intake) {
        try {
            return JSON.writeValueAsString(intake);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intake record is always serialisable", e);
        }
    }

    private static Intake intake(String json) {
        try {
            return JSON.readValue(json, Intake.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intake answers are not the JSON this service wrote", e);
        }
    }
}
