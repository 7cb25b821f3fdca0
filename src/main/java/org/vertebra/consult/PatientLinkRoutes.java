package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.vertebra.consult.ConsultPages.BookedPage;
import org.vertebra.consult.ConsultPages.LinkFields;
import org.vertebra.consult.ConsultPages.LinkProblemPage;
import org.vertebra.consult.ConsultPages.ManagePage;
import org.vertebra.consult.ConsultPages.MoveView;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.layout.Social;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * The pages a patient's signed link opens: the booking's confirmation at its own address, and the
 * manage page, which moves the consultation to any free time within the doctor's horizon (a day
 * at a time) and cancels it after asking once more. Sent with {@code Cache-Control: no-store}.
 * They speak the language the patient booked in, whatever the site's.
 */
final class PatientLinkRoutes {

    private final PatientBookings consult;
    private final FrameService frames;
    private final Templates templates;
    private final Clock clock;

    PatientLinkRoutes(PatientBookings consult, FrameService frames, Templates templates, Clock clock) {
        this.consult = consult;
        this.frames = frames;
        this.templates = templates;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(ManageLinks.CONFIRMATION, this::confirmation, Role.ANYONE);
        routes.get(ManageLinks.PATH, this::manage, Role.ANYONE);
        routes.get("/teleconsult/manage/cancel/", this::askToCancel, Role.ANYONE);
        routes.post("/teleconsult/manage/cancel/", this::cancel, Role.PUBLIC_FORM);
        routes.post("/teleconsult/manage/move/", this::move, Role.PUBLIC_FORM);
    }

    // --- the confirmation, at its own address

    private void confirmation(Context ctx) {
        PatientBookings.Managed managed = consult.managed(ctx.queryParam("b"), ctx.queryParam("t"), ctx.queryParam("s"));
        if (!managed.valid()) {
            linkProblem(ctx, managed);
            return;
        }
        Booking b = managed.booking();
        if (b.cancelled()) {
            ctx.redirect(consult.managePath(b), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Messages text = consult.text(b.lang());
        send(ctx, 200, "consult/booked.jte", new BookedPage(frame(text.get("consult.booked.title"), b.lang()), b.name(),
                b.email(), new PatientWords(text).when(b.start(), b.patientZone()), managed.doctor().name(), consult.videoUrl(b),
                consult.managePath(b), consult.changeCutoff().afterBooking(b.start(), b.patientZone(), clock.instant(), text),
                managed.changeable(), consult.needsEmergencyCare(b)));
    }

    // --- the patient's link: move or cancel

    private void manage(Context ctx) {
        PatientBookings.Managed managed = consult.managed(ctx.queryParam("b"), ctx.queryParam("t"), ctx.queryParam("s"));
        if (!managed.valid()) {
            linkProblem(ctx, managed);
            return;
        }
        managePage(ctx, 200, managed, FormMessages.NONE, null);
    }

    /** Cancelling asks once more, with a way back that keeps the appointment. */
    private void askToCancel(Context ctx) {
        PatientBookings.Managed managed = consult.managed(ctx.queryParam("b"), ctx.queryParam("t"), ctx.queryParam("s"));
        if (!managed.valid()) {
            linkProblem(ctx, managed);
            return;
        }
        managePage(ctx, 200, managed, FormMessages.NONE, null, managed.changeable() ? "confirm-cancel" : null);
    }

    private void cancel(Context ctx) {
        PatientBookings.Managed managed = consult.managed(ctx.formParam("b"), ctx.formParam("t"), ctx.formParam("s"));
        if (!managed.valid()) {
            linkProblem(ctx, managed);
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm")) && managed.changeable()) {
            managePage(ctx, 200, managed, FormMessages.NONE, null, "confirm-cancel");
            return;
        }
        Messages text = consult.text(managed.booking().lang());
        if (!consult.cancel(managed)) {
            managePage(ctx, 409, managed, FormMessages.of(Invalid.of(null, text.get("consult.manage.tooLate"))), null);
            return;
        }
        managePage(ctx, 200, consult.managed(ctx.formParam("b"), ctx.formParam("t"), ctx.formParam("s")), FormMessages.NONE,
                text.get("consult.manage.notice.cancelled"));
    }

    private void move(Context ctx) {
        PatientBookings.Managed managed = consult.managed(ctx.formParam("b"), ctx.formParam("t"), ctx.formParam("s"));
        if (!managed.valid()) {
            linkProblem(ctx, managed);
            return;
        }
        Instant start = ConsultRoutes.instant(ctx.formParam("start"));
        Messages text = consult.text(managed.booking().lang());
        try {
            if (start == null) {
                throw Invalid.of("start", text.get("consult.manage.chooseNew"));
            }
            Booked moved = consult.reschedule(managed, start);
            ctx.redirect(consult.managePath(moved.booking()) + "&moved=1", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            managePage(ctx, 422, managed, FormMessages.of(invalid), null);
        } catch (SlotTaken taken) {
            managePage(ctx, 409, managed, FormMessages.of(Invalid.of("start", text.get("consult.manage.taken"))), null);
        }
    }

    private void managePage(Context ctx, int status, PatientBookings.Managed managed, FormMessages messages, String notice) {
        managePage(ctx, status, managed, messages, notice, null);
    }

    private void managePage(Context ctx, int status, PatientBookings.Managed managed, FormMessages messages, String notice,
                            String asked) {
        Booking b = managed.booking();
        Messages text = consult.text(b.lang());
        Instant now = clock.instant();
        String state = b.cancelled() ? "cancelled" : !managed.changeable() ? "closed" : asked != null ? asked : "open";
        MoveView move = "open".equals(state) ? ConsultPages.move(moveDays(managed, dayParam(ctx)), b.patientZone(), text)
                : MoveView.NONE;
        if (notice == null && "1".equals(ctx.queryParam("moved"))) {
            notice = text.get("consult.manage.notice.moved");
        }
        String cutoff = b.start().isAfter(now) ? consult.changeCutoff().afterBooking(b.start(), b.patientZone(), now, text)
                : text.get("consult.cutoff.passed");
        send(ctx, status, "consult/manage.jte", new ManagePage(frame(text.get("consult.manage.title"), b.lang()), state,
                b.name(), new PatientWords(text).when(b.start(), b.patientZone()), managed.doctor().name(), consult.videoUrl(b),
                new LinkFields(Long.toString(b.id()), Long.toString(b.start().toEpochMilli()), signature(ctx)),
                consult.managePath(b), move, messages, notice, cutoff));
    }

    /** Every free time within the doctor's booking horizon, by day in the patient's zone. */
    private MoveDays moveDays(PatientBookings.Managed managed, LocalDate wanted) {
        Doctor doctor = managed.doctor();
        ZoneId zone = managed.booking().patientZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int horizon = consult.availability(doctor).horizonDays();
        return MoveDays.of(consult.freeSlots(doctor, today, today.plusDays(horizon), zone), zone, wanted);
    }

    private static LocalDate dayParam(Context ctx) {
        String day = ctx.formParam("day");
        return ConsultRoutes.date(day != null ? day : ctx.queryParam("day")).orElse(null);
    }

    private static String signature(Context ctx) {
        String s = ctx.formParam("s");
        return s != null ? s : ctx.queryParam("s");
    }

    /** A link that opens no booking cannot say its language: the site's is told, the words of a {@code lang} parameter if any. */
    private void linkProblem(Context ctx, PatientBookings.Managed managed) {
        boolean moved = managed.check() == ManageLinks.Check.MOVED;
        Language lang = consult.patientLanguage(ctx.queryParam(ConsultRoutes.LANG));
        Messages text = consult.text(lang);
        send(ctx, moved ? 410 : 403, "consult/link-problem.jte", new LinkProblemPage(frame(text.get("consult.link.title"), lang),
                text.get(moved ? "consult.link.moved.title" : "consult.link.bad.title"),
                text.get(moved ? "consult.link.moved" : "consult.link.bad")));
    }

    private Frame frame(String title, Language lang) {
        return frames.frame(title, null, "/teleconsult/", Social.website(), lang);
    }

    private void send(Context ctx, int status, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render(template, page));
    }
}
