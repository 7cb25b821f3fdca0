package org.vertebra.consult;

import java.time.Clock;
import java.time.Duration;
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
import org.vertebra.language.Messages;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * The patient's side of consultations, from the booking pages, the manage link and the JSON API:
 * the slots offered, booking with its intake, and moving or cancelling by the signed link, each in
 * the patient's language.
 *
 * <p>A booking is one transaction: it takes the doctor's row (bookings for one doctor queue),
 * checks that the start is one of the free slots, inserts the booking (a partial unique index on
 * doctor and start refuses a second active one, whatever server inserts it) and enqueues the
 * confirmation mail. Intake answers are sealed by {@link HealthDataCipher} before they reach the
 * database.
 */
public final class PatientBookings {

    public static final String FORM = "consult";
    /** Bookings from one network address per hour. */
    public static final int PER_HOUR = 10;

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final DoctorSchedule schedule;
    private final ConsultOutbox outbox;
    private final HealthDataSeal seal;
    private final ManageLinks links;
    private final FormSubmissions submissions;
    private final ConsultOptions options;
    private final Clock clock;
    private final FormGuard guard;
    private final MessageBundles texts;
    private final Supplier<Language> siteLanguage;

    /** What a manage link opens. */
    public record Managed(ManageLinks.Check check, Booking booking, Doctor doctor, boolean changeable) {
        public boolean valid() {
            return check == ManageLinks.Check.VALID;
        }
    }

    PatientBookings(Transactor transactor, ConsultRepository repository, DoctorSchedule schedule, ConsultOutbox outbox,
                    HealthDataSeal seal, ManageLinks links, FormSubmissions submissions, ConsultOptions options, Clock clock,
                    FormGuard guard, MessageBundles texts, Supplier<Language> siteLanguage) {
        this.transactor = transactor;
        this.repository = repository;
        this.schedule = schedule;
        this.outbox = outbox;
        this.seal = seal;
        this.links = links;
        this.submissions = submissions;
        this.options = options;
        this.clock = clock;
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

    // --- doctors and their free slots

    /** The doctors patients may book. */
    public List<Doctor> doctors() {
        return repository.doctors(true);
    }

    public Optional<Doctor> doctor(String slug) {
        return slug == null ? Optional.empty() : repository.doctor(slug);
    }

    public Availability availability(Doctor doctor) {
        return schedule.availability(doctor);
    }

    /** The doctor's free slots on the dates {@code from} to {@code to} read in {@code viewerZone}. */
    public List<Slot> freeSlots(Doctor doctor, LocalDate from, LocalDate to, ZoneId viewerZone) {
        return schedule.freeSlots(doctor, from, to, viewerZone);
    }

    /** The next few free slots from now. */
    public List<Slot> nextFree(Doctor doctor) {
        return schedule.nextFree(doctor);
    }

    // --- booking

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
        Booking booking = schedule.orTaken(doctor, () -> transactor.inTransaction(() -> {
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
            Availability rules = schedule.availability(doctor);
            Instant end = request.start().plus(rules.slotLength());
            schedule.checkFree(doctor, rules, request.start(), end, now, null, request.text());
            long id = repository.insert(new ConsultRepository.NewBooking(doctor.id(), request.start(), end, request.name(),
                    request.email(), request.phone(), request.zone(), seal.sealIntake(request.intake()),
                    room, now, !request.start().isAfter(now.plus(DoctorSchedule.REMINDER_DAY)),
                    !request.start().isAfter(now.plus(DoctorSchedule.REMINDER_HOUR)), request.lang()));
            Booking made = repository.booking(id).orElseThrow();
            outbox.enqueue(outbox.mail().booked(made, doctor.name(), videoUrl(made), links.url(made), now, false, 0));
            outbox.tellDoctorOfBooking(doctor, made, request.intake().urgency());
            return made;
        }));
        return new Booked(booking, doctor.name(), videoUrl(booking), links.url(booking), again[0]);
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
        return sealed != null && RedFlag.anyEmergency(seal.openIntake(sealed).redFlags());
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
            outbox.enqueue(outbox.mail().cancelled(b, managed.doctor().name(), videoUrl(b), clock.instant(),
                    repository.calendarSequence(b.id())));
            outbox.tellDoctor(managed.doctor(), null, to -> outbox.notice().cancelled(to, managed.doctor(), b, "the patient"));
            return true;
        });
    }

    /** Moves the consultation to another free slot by the patient's link; a new confirmation goes out. */
    public Booked reschedule(Managed managed, Instant newStart) {
        if (!managed.valid() || !managed.changeable()) {
            throw Invalid.of("start", text(managed.booking().lang()).get("consult.manage.notMovable"));
        }
        return schedule.move(managed.doctor(), managed.booking(), newStart, null, "the patient", text(managed.booking().lang()));
    }

    public String videoUrl(Booking booking) {
        return outbox.videoUrl(booking);
    }

    public String managePath(Booking booking) {
        return links.path(booking);
    }

    /** The address of the booking's confirmation page, signed as the manage link is. */
    public String confirmationPath(Booking booking) {
        return links.confirmationPath(booking);
    }

}
