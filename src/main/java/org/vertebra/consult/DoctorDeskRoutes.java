package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.Invalid;
import org.vertebra.web.Params;

/**
 * The clinic's side of a consultation's changes: the doctor (or an administrator) cancels or
 * moves it, each asked once more before it happens, and the patient is mailed; and the doctor's
 * morning agenda mail, switched on with its hour.
 */
public final class DoctorDeskRoutes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** How many days of free times the move page offers. */
    static final int MOVE_DAYS = 14;

    /** A free time to move to, as a link to its confirmation. */
    public record MoveChoice(String time, String url) {
    }

    public record MoveDay(String dayText, List<MoveChoice> times) {
    }

    /**
     * The cancel or move page: {@code step} is cancel (confirm the cancellation), choose (the free
     * times) or confirm (the move to {@code newStart}).
     */
    public record ChangePage(AdminFrame frame, long id, String step, String when, String patient, String zone, String newWhen,
                             String newStart, List<MoveDay> days, String problem, String detailUrl) {
    }

    public record AgendaMailPage(AdminFrame frame, long doctorId, String doctorName, String zone, Integer hour, String address,
                                 String notice) {
    }

    private final DoctorAgenda consult;
    private final ConsultAccess access;
    private final AdminShell shell;

    DoctorDeskRoutes(DoctorAgenda consult, AdminShell shell) {
        this.consult = consult;
        this.access = new ConsultAccess(consult);
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/consult/agenda-mail/", this::agendaMail, Action.CONSULT);
        routes.post("/admin/consult/agenda-mail/", this::saveAgendaMail, Action.CONSULT);
        routes.get("/admin/consult/{id}/cancel/", this::confirmCancel, Action.CONSULT);
        routes.post("/admin/consult/{id}/cancel/", this::cancel, Action.CONSULT);
        routes.get("/admin/consult/{id}/move/", this::move, Action.CONSULT);
        routes.post("/admin/consult/{id}/move/", this::moveTo, Action.CONSULT);
    }

    // --- cancel

    private void confirmCancel(Context ctx) {
        Booking b = access.allowedBooking(ctx, SignedIn.user(ctx));
        if (!consult.changeableByClinic(b)) {
            unchangeable(ctx, b);
            return;
        }
        page(ctx, 200, b, "cancel", null, List.of(), null);
    }

    private void cancel(Context ctx) {
        User user = SignedIn.user(ctx);
        Booking b = access.allowedBooking(ctx, user);
        if (!consult.cancelByClinic(b.id(), user.id(), user.name())) {
            unchangeable(ctx, b);
            return;
        }
        ctx.redirect("/admin/consult/" + b.id() + "/?saved=cancelled", HttpStatus.SEE_OTHER);
    }

    // --- move

    /** Without a start: the free times to choose from; with one: the question whether to move there. */
    private void move(Context ctx) {
        Booking b = access.allowedBooking(ctx, SignedIn.user(ctx));
        if (!consult.changeableByClinic(b)) {
            unchangeable(ctx, b);
            return;
        }
        String start = ctx.queryParam("start");
        if (start == null) {
            page(ctx, 200, b, "choose", null, freeDays(b), null);
            return;
        }
        Instant to = instant(start);
        if (to == null) {
            page(ctx, 422, b, "choose", null, freeDays(b), "Choose one of the free times below.");
            return;
        }
        page(ctx, 200, b, "confirm", to, List.of(), null);
    }

    private void moveTo(Context ctx) {
        User user = SignedIn.user(ctx);
        Booking b = access.allowedBooking(ctx, user);
        Instant to = instant(Params.form(ctx, "start"));
        if (to == null) {
            page(ctx, 422, b, "choose", null, freeDays(b), "Choose one of the free times below.");
            return;
        }
        try {
            consult.moveByClinic(b.id(), to, user.id(), user.name());
        } catch (SlotTaken taken) {
            page(ctx, 409, b, "choose", null, freeDays(b), "This time was just taken by another booking. Choose another.");
            return;
        } catch (Invalid invalid) {
            if (!consult.changeableByClinic(consult.booking(b.id()).orElseThrow())) {
                unchangeable(ctx, b);
            } else {
                page(ctx, 422, b, "choose", null, freeDays(b), invalid.problems().get(0).message());
            }
            return;
        }
        ctx.redirect("/admin/consult/" + b.id() + "/?saved=moved", HttpStatus.SEE_OTHER);
    }

    private List<MoveDay> freeDays(Booking b) {
        Doctor doctor = consult.doctor(b.doctorId()).orElseThrow();
        ZoneId zone = doctor.zone();
        LocalDate today = consult.today(zone);
        List<MoveDay> days = new ArrayList<>();
        for (Slot slot : consult.freeSlots(doctor, today, today.plusDays(MOVE_DAYS - 1L), zone)) {
            String day = DAY.format(slot.start().atZone(zone));
            if (days.isEmpty() || !days.get(days.size() - 1).dayText().equals(day)) {
                days.add(new MoveDay(day, new ArrayList<>()));
            }
            days.get(days.size() - 1).times().add(new MoveChoice(TIME.format(slot.start().atZone(zone)),
                    "/admin/consult/" + b.id() + "/move/?start=" + slot.start()));
        }
        return days;
    }

    private void page(Context ctx, int status, Booking b, String step, Instant newStart, List<MoveDay> days, String problem) {
        Doctor doctor = consult.doctor(b.doctorId()).orElseThrow();
        String title = "cancel".equals(step) ? "Cancel the consultation?" : "confirm".equals(step)
                ? "Move the consultation?" : "Move the consultation to another time";
        shell.render(ctx, status, "consult/change.jte", new ChangePage(frame(ctx, title), b.id(), step, when(b.start(), doctor),
                b.name() + (b.lang().equals(consult.siteLanguage()) ? "" : " (" + b.lang().englishName() + ")"),
                TimeZones.label(doctor.zone()), newStart == null ? null : when(newStart, doctor),
                newStart == null ? null : newStart.toString(), days, problem, "/admin/consult/" + b.id() + "/"));
    }

    private void unchangeable(Context ctx, Booking b) {
        shell.message(ctx, 409, "Cannot be changed", "This consultation was cancelled, has begun or is over, so it can no longer "
                + "be cancelled or moved. Its page: /admin/consult/" + b.id() + "/");
    }

    // --- the morning agenda mail

    private void agendaMail(Context ctx) {
        User user = SignedIn.user(ctx);
        Doctor doctor = access.chosenDoctor(user, ctx.queryParam("doctor")).orElse(null);
        if (doctor == null) {
            ctx.redirect("/admin/consult/");
            return;
        }
        agendaMailPage(ctx, 200, doctor, "1".equals(ctx.queryParam("saved")) ? "Saved." : null);
    }

    private void saveAgendaMail(Context ctx) {
        Doctor doctor = access.allowedDoctor(SignedIn.user(ctx), ctx.formParam("doctor"));
        String hour = Params.form(ctx, "hour").strip();
        if (!hour.isEmpty() && !hour.matches("\\d{1,2}")) {
            throw new io.javalin.http.BadRequestResponse("hour must be empty (off) or 0 to 23");
        }
        try {
            consult.setMorningAgendaHour(doctor.id(), hour.isEmpty() ? null : Integer.parseInt(hour));
        } catch (Invalid invalid) {
            throw new io.javalin.http.BadRequestResponse(invalid.problems().get(0).message());
        }
        ctx.redirect("/admin/consult/agenda-mail/?doctor=" + doctor.id() + "&saved=1", HttpStatus.SEE_OTHER);
    }

    private void agendaMailPage(Context ctx, int status, Doctor doctor, String notice) {
        shell.render(ctx, status, "consult/agenda-mail.jte", new AgendaMailPage(frame(ctx, "Morning agenda mail of " + doctor.name()),
                doctor.id(), doctor.name(), TimeZones.label(doctor.zone()), consult.morningAgendaHour(doctor.id()).orElse(null),
                consult.doctorAddress(doctor).orElse(null), notice));
    }

    private static String when(Instant start, Doctor doctor) {
        return DAY.format(start.atZone(doctor.zone())) + " at " + TIME.format(start.atZone(doctor.zone()));
    }

    private static Instant instant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private AdminFrame frame(Context ctx, String title) {
        return shell.frame(ctx, title, AdminShell.Section.CONSULTATIONS);
    }
}
