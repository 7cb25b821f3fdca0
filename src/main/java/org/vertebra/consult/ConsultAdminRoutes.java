package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.form.Problems;
import org.vertebra.layout.DateText;
import org.vertebra.web.Params;

/**
 * /admin/consult/: a doctor's day agenda, a consultation with its intake answers (every opening
 * logged), done or no-show, private notes, and the hours editor. Doctors see their own schedule,
 * administrators every doctor's and the log of who read intake data; administrators choose the
 * doctors in {@link DoctorAdminRoutes}.
 */
public final class ConsultAdminRoutes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** How many days the list view shows, today first. */
    static final int LIST_DAYS = 14;

    public record DoctorChoice(long id, String name, boolean selected) {
    }

    /** @param flag the urgency of the patient's warning signs, as words and a style; null for none */
    /** {@code language}: the language the patient booked in, in English, when it is not the site's (else null). */
    public record AgendaRow(long id, String time, String patient, String status, boolean cancelled, UrgencyFlag flag,
                            String language) {
    }

    /** One day of the list view. */
    public record AgendaDay(String dayText, String url, List<AgendaRow> rows) {
    }

    /**
     * @param list     the list view of the coming {@link #LIST_DAYS} days (in {@code days}) rather than one day (in {@code rows})
     * @param note     why the agenda opened on another day than today, or null
     * @param agendaMail how the doctor's morning agenda mail is set, in words
     */
    public record AgendaPage(AdminFrame frame, List<DoctorChoice> doctors, Long doctorId, String doctorName, String zone,
                             String date, String dayText, String previous, String next, List<AgendaRow> rows,
                             boolean mayManageAll, boolean list, List<AgendaDay> days, String dayUrl, String listUrl,
                             String note, String agendaMail) {
    }

    public record DetailPage(AdminFrame frame, long id, String doctor, String when, String patient, String email, String phone,
                             String patientZone, String status, boolean cancelled, String videoUrl, Intake intake, String notes,
                             boolean erased, String agendaUrl, String notice, UrgencyFlag flag, List<FlagLine> flags,
                             boolean changeable, String language) {
    }

    /** A ticked warning sign on the detail page, with its urgency. */
    public record FlagLine(String label, UrgencyFlag flag) {
    }

    public record HoursDay(String key, String label, String value) {
    }

    public record ExceptionRow(String date, String text) {
    }

    public record HoursPage(AdminFrame frame, long doctorId, String doctorName, String zone, List<String> zones, int slot,
                            int buffer, int notice, int horizon, List<HoursDay> days, List<ExceptionRow> exceptions,
                            FormMessages messages) {
    }

    public record LogRow(long bookingId, String userName, String when, String iso) {
    }

    public record LogPage(AdminFrame frame, List<LogRow> rows) {
    }

    private final DoctorAgenda consult;
    private final ConsultAccess access;
    private final AdminShell shell;
    private final Clock clock;

    private final AuditLog audit;

    ConsultAdminRoutes(DoctorAgenda consult, AdminShell shell, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.consult = consult;
        this.access = new ConsultAccess(consult);
        this.shell = shell;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(user -> {
            if (!Permission.may(user, Action.CONSULT)) {
                return List.of();
            }
            return consult.doctorOfUser(user.id()).map(d -> {
                long today = consult.agenda(d, clock.instant().atZone(d.zone()).toLocalDate()).stream()
                        .filter(b -> !b.cancelled()).count();
                return today == 0 ? List.<org.vertebra.layout.MenuLink>of() : List.of(new org.vertebra.layout.MenuLink(
                        today + (today == 1 ? " consultation today" : " consultations today"), "/admin/consult/", false));
            }).orElse(List.of());
        });
        shell.addPanel(new NextConsultations(consult));
        routes.get("/admin/consult/", this::agenda, Action.CONSULT);
        routes.get("/admin/consult/hours/", this::hours, Action.CONSULT);
        routes.post("/admin/consult/hours/", this::saveHours, Action.CONSULT);
        routes.post("/admin/consult/exceptions/", this::addException, Action.CONSULT);
        routes.post("/admin/consult/exceptions/remove/", this::removeException, Action.CONSULT);
        routes.get("/admin/consult/log/", this::log, Action.MANAGE_ALL_CONSULTATIONS);
        routes.get("/admin/consult/{id}/", this::detail, Action.CONSULT);
        routes.post("/admin/consult/{id}/status/", this::status, Action.CONSULT);
        routes.post("/admin/consult/{id}/notes/", this::notes, Action.CONSULT);
    }

    // --- agenda

    private void agenda(Context ctx) {
        User user = SignedIn.user(ctx);
        boolean all = Permission.may(user, Action.MANAGE_ALL_CONSULTATIONS);
        Optional<Doctor> doctor = chosenDoctor(ctx, user, ctx.queryParam("doctor"));
        List<DoctorChoice> choices = all ? consult.allDoctors().stream()
                .map(d -> new DoctorChoice(d.id(), d.active() ? d.name() : d.name() + " (detached)", doctor.map(x -> x.id() == d.id()).orElse(false))).toList() : List.of();
        if (doctor.isEmpty()) {
            shell.render(ctx, 200, "consult/agenda.jte", new AgendaPage(frame(ctx, "Consultations"), choices, null, null, null,
                    null, null, null, null, List.of(), all, false, List.of(), null, null, null, null));
            return;
        }
        Doctor d = doctor.get();
        LocalDate today = clock.instant().atZone(d.zone()).toLocalDate();
        Optional<LocalDate> asked = date(ctx.queryParam("date"));
        boolean list = "list".equals(ctx.queryParam("view"));
        LocalDate date = asked.orElseGet(() -> list ? today : consult.openingDay(d));
        String note = asked.isEmpty() && !list && date.isAfter(today)
                ? "No consultations today. This is the next day with one." : null;
        String base = "/admin/consult/?doctor=" + d.id() + "&date=";
        List<Booking> bookings = list ? consult.agenda(d, date, LIST_DAYS) : consult.agenda(d, date);
        Map<Long, RedFlag.Urgency> urgency = consult.urgencies(bookings);
        List<AgendaRow> rows = bookings.stream().map(b -> new AgendaRow(b.id(),
                TIME.format(b.start().atZone(d.zone())) + "-" + TIME.format(b.end().atZone(d.zone())), b.name(),
                b.cancelled() ? "Cancelled" : b.status().label(), b.cancelled(),
                b.cancelled() ? null : UrgencyFlag.of(urgency.get(b.id())),
                b.lang().equals(consult.siteLanguage()) ? null : b.lang().englishName())).toList();
        List<AgendaDay> days = new ArrayList<>();
        if (list) {
            for (int i = 0; i < bookings.size(); i++) {
                LocalDate day = bookings.get(i).start().atZone(d.zone()).toLocalDate();
                if (days.isEmpty() || !days.get(days.size() - 1).url().equals(base + day)) {
                    days.add(new AgendaDay(DAY.format(day), base + day, new ArrayList<>()));
                }
                days.get(days.size() - 1).rows().add(rows.get(i));
            }
        }
        String mail = consult.morningAgendaHour(d.id()).map(h -> String.format(Locale.ROOT, "on, at %02d:00", h)).orElse("off");
        shell.render(ctx, 200, "consult/agenda.jte", new AgendaPage(frame(ctx, "Consultations"), choices, d.id(), d.name(),
                TimeZones.label(d.zone()), date.toString(), list ? "The coming two weeks" : DAY.format(date),
                base + date.minusDays(list ? LIST_DAYS : 1) + (list ? "&view=list" : ""),
                base + date.plusDays(list ? LIST_DAYS : 1) + (list ? "&view=list" : ""), list ? List.of() : rows, all, list,
                days, base + (list ? consult.openingDay(d) : date), base + (list ? date : today) + "&view=list", note, mail));
    }

    // --- one consultation

    private void detail(Context ctx) {
        User user = SignedIn.user(ctx);
        Booking booking = allowedBooking(ctx, user);
        DoctorAgenda.Consultation c = consult.open(booking.id(), user.id(), user.name()).orElseThrow(NotFoundResponse::new);
        audit.record(RequestActor.of(ctx), AuditAction.HEALTH_DATA_VIEWED, AuditObject.booking(booking.id()).withDetail("intake, doctor's notes"));
        Booking b = c.booking();
        ZoneId zone = c.doctor().zone();
        List<FlagLine> flags = c.intake() == null ? List.of() : c.intake().rankedRedFlags().stream()
                .map(f -> new FlagLine(f.label(), UrgencyFlag.of(f.urgency()))).toList();
        shell.render(ctx, 200, "consult/detail.jte", new DetailPage(frame(ctx, "Consultation with " + b.name()), b.id(),
                c.doctor().name(), DAY.format(b.start().atZone(zone)) + ", " + TIME.format(b.start().atZone(zone)) + "-"
                + TIME.format(b.end().atZone(zone)) + " (" + TimeZones.label(zone) + ")", b.name(), b.email(), b.phone(),
                TimeZones.label(b.patientZone()), b.cancelled() ? "Cancelled" : b.status().label(), b.cancelled(), c.videoUrl(),
                c.intake(), c.notes(), b.erasedAt() != null,
                "/admin/consult/?doctor=" + b.doctorId() + "&date=" + b.start().atZone(zone).toLocalDate(),
                notice(ctx.queryParam("saved")), c.intake() == null || b.cancelled() ? null : UrgencyFlag.of(c.intake().urgency()),
                flags, consult.changeableByClinic(b), b.lang().englishName()));
    }

    private static String notice(String saved) {
        return switch (saved == null ? "" : saved) {
            case "1" -> "Saved.";
            case "cancelled" -> "The consultation is cancelled. The patient will be mailed the cancellation with its calendar update.";
            case "moved" -> "The consultation is moved. The patient will be mailed the new time with its calendar update.";
            default -> null;
        };
    }

    private void status(Context ctx) {
        Booking booking = allowedBooking(ctx, SignedIn.user(ctx));
        Booking.Status status = switch (Params.form(ctx, "status")) {
            case "done" -> Booking.Status.DONE;
            case "no_show" -> Booking.Status.NO_SHOW;
            case "booked" -> Booking.Status.BOOKED;
            default -> throw new io.javalin.http.BadRequestResponse("status must be done, no_show or booked");
        };
        consult.mark(booking.id(), status);
        ctx.redirect("/admin/consult/" + booking.id() + "/?saved=1", HttpStatus.SEE_OTHER);
    }

    private void notes(Context ctx) {
        Booking booking = allowedBooking(ctx, SignedIn.user(ctx));
        String notes = Params.form(ctx, "notes");
        if (notes.length() > 10_000) {
            throw new io.javalin.http.BadRequestResponse("notes are at most 10,000 characters");
        }
        consult.saveNotes(booking.id(), notes);
        ctx.redirect("/admin/consult/" + booking.id() + "/?saved=1", HttpStatus.SEE_OTHER);
    }

    // --- hours

    private void hours(Context ctx) {
        User user = SignedIn.user(ctx);
        Doctor doctor = chosenDoctor(ctx, user, ctx.queryParam("doctor")).orElse(null);
        if (doctor == null) {
            ctx.redirect("/admin/consult/");
            return;
        }
        hoursPage(ctx, 200, doctor, null, FormMessages.NONE);
    }

    private void hoursPage(Context ctx, int status, Doctor doctor, List<HoursDay> typed, FormMessages messages) {
        List<HoursDay> days = typed;
        if (days == null) {
            List<WeeklyHours> hours = consult.hours(doctor.id());
            days = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                days.add(new HoursDay(day.name().toLowerCase(Locale.ROOT), day.getDisplayName(TextStyle.FULL, Locale.UK),
                        String.join(", ", hours.stream().filter(h -> h.day() == day)
                                .map(h -> TIME.format(h.start()) + "-" + TIME.format(h.end())).toList())));
            }
        }
        List<ExceptionRow> exceptions = consult.exceptions(doctor.id()).stream().map(e -> new ExceptionRow(e.date().toString(),
                DAY.format(e.date()) + ": " + (e.isDayOff() ? "day off" : "extra hours " + TIME.format(e.start()) + "-"
                        + TIME.format(e.end())))).toList();
        shell.render(ctx, status, "consult/hours.jte", new HoursPage(frame(ctx, "Hours of " + doctor.name()), doctor.id(),
                doctor.name(), doctor.zone().getId(), TimeZones.CHOICES, doctor.slotMinutes(), doctor.bufferMinutes(),
                doctor.noticeMinutes(), doctor.horizonDays(), days, exceptions, messages));
    }

    private void saveHours(Context ctx) {
        User user = SignedIn.user(ctx);
        Doctor doctor = allowedDoctor(ctx, user, ctx.formParam("doctor"));
        List<HoursDay> typed = new ArrayList<>();
        List<WeeklyHours> hours = new ArrayList<>();
        Problems problems = new Problems();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            String value = Params.form(ctx, key).strip();
            typed.add(new HoursDay(key, day.getDisplayName(TextStyle.FULL, Locale.UK), value));
            for (String span : value.isEmpty() ? new String[0] : value.split("\\s*,\\s*")) {
                LocalTime[] times = span(span);
                if (times == null) {
                    problems.add(key, day.getDisplayName(TextStyle.FULL, Locale.UK)
                            + ": write hours as 09:00-12:30, several separated by commas.");
                } else {
                    hours.add(new WeeklyHours(day, times[0], times[1]));
                }
            }
        }
        ZoneId zone = TimeZones.parse(ctx.formParam("zone"));
        if (zone == null) {
            problems.add("zone", "Choose a time zone from the list.");
        }
        int slot = number(ctx, "slot", problems, 15, 30);
        if (!Availability.SLOT_LENGTHS.contains(slot)) {
            problems.add("slot", "A consultation lasts 15, 20 or 30 minutes.");
        }
        int buffer = number(ctx, "buffer", problems, 0, 120);
        int notice = number(ctx, "notice", problems, 0, 60 * 24 * 14);
        int horizon = number(ctx, "horizon", problems, 1, 365);
        try {
            problems.check();
        } catch (Invalid invalid) {
            hoursPage(ctx, 422, doctor, typed, FormMessages.of(invalid));
            return;
        }
        consult.updateRules(doctor.id(), zone, slot, buffer, notice, horizon);
        consult.setHours(doctor.id(), hours);
        hoursPage(ctx, 200, consult.doctor(doctor.id()).orElseThrow(), null, FormMessages.notice("Hours saved."));
    }

    private void addException(Context ctx) {
        Doctor doctor = allowedDoctor(ctx, SignedIn.user(ctx), ctx.formParam("doctor"));
        Optional<LocalDate> date = date(ctx.formParam("date"));
        String hours = Params.form(ctx, "hours").strip();
        LocalTime[] times = hours.isEmpty() ? null : span(hours);
        if (date.isEmpty() || !hours.isEmpty() && times == null) {
            hoursPage(ctx, 422, doctor, null, FormMessages.of(Invalid.of("date",
                    "Give a date (such as 2026-12-25) and, for extra hours, the hours as 09:00-12:00; without hours it is a day off.")));
            return;
        }
        consult.addException(doctor.id(), times == null ? DateException.dayOff(date.get())
                : new DateException(date.get(), times[0], times[1]));
        hoursPage(ctx, 200, doctor, null, FormMessages.notice("Date added."));
    }

    private void removeException(Context ctx) {
        Doctor doctor = allowedDoctor(ctx, SignedIn.user(ctx), ctx.formParam("doctor"));
        date(ctx.formParam("date")).ifPresent(d -> consult.removeExceptions(doctor.id(), d));
        hoursPage(ctx, 200, doctor, null, FormMessages.notice("Date removed."));
    }

    // --- the log

    private void log(Context ctx) {
        shell.render(ctx, 200, "consult/log.jte", new LogPage(frame(ctx, "Who opened intake data"), consult.viewLog().stream()
                .map(v -> new LogRow(v.bookingId(), v.userName(), DateText.words(v.viewedAt()), DateText.iso(v.viewedAt()))).toList()));
    }

    // --- who may see what

    private Optional<Doctor> chosenDoctor(Context ctx, User user, String id) {
        return access.chosenDoctor(user, id);
    }

    private Doctor allowedDoctor(Context ctx, User user, String id) {
        return access.allowedDoctor(user, id);
    }

    private Booking allowedBooking(Context ctx, User user) {
        return access.allowedBooking(ctx, user);
    }

    private AdminFrame frame(Context ctx, String title) {
        return shell.frame(ctx, title, AdminShell.Section.CONSULTATIONS);
    }

    private static LocalTime[] span(String span) {
        String[] parts = span.split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                LocalTime start = LocalTime.parse(parts[0].length() == 4 ? "0" + parts[0] : parts[0]);
                LocalTime end = LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
                return start.isBefore(end) ? new LocalTime[] {start, end} : null;
            }
        } catch (DateTimeParseException e) {
            // not a time: the caller reports it
        }
        return null;
    }

    private static int number(Context ctx, String field, Problems problems, int min, int max) {
        String value = Params.form(ctx, field).strip();
        if (value.matches("\\d{1,6}") && Integer.parseInt(value) >= min && Integer.parseInt(value) <= max) {
            return Integer.parseInt(value);
        }
        problems.add(field, "Give a whole number from " + min + " to " + max + ".");
        return min;
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
