package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.User;
import org.vertebra.account.AccountService;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.form.Problems;
import org.vertebra.web.Params;

/**
 * /admin/consult/doctors/: an administrator chooses which accounts take consultations (any account
 * whose role may consult), with the name and credentials patients see, the time zone and the
 * length of a consultation; and detaches a doctor who has no consultations to come.
 */
public final class DoctorAdminRoutes {

    static final String PATH = "/admin/consult/doctors/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    public record DoctorRow(long id, String name, String credentials, String account, String zone, int slot, boolean active,
                            int upcoming) {
    }

    public record AccountChoice(long id, String label, boolean selected) {
    }

    /** What the attach form holds: as typed, when it is shown again with problems. */
    public record AttachForm(String account, String name, String credentials, String zone, String slot) {
        static final AttachForm EMPTY = new AttachForm("", "", "", "Europe/London", "30");
    }

    public record DoctorsPage(AdminFrame frame, List<DoctorRow> doctors, List<AccountChoice> accounts, List<String> zones,
                              AttachForm form, FormMessages messages, FormMessages listMessages) {
    }

    private final DoctorAgenda consult;
    private final AccountService accounts;
    private final AdminShell shell;

    DoctorAdminRoutes(DoctorAgenda consult, AccountService accounts, AdminShell shell) {
        this.consult = consult;
        this.accounts = accounts;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> page(ctx, 200, AttachForm.EMPTY, FormMessages.NONE, noticeFrom(ctx)), Action.MANAGE_ALL_CONSULTATIONS);
        routes.post(PATH, this::attach, Action.MANAGE_ALL_CONSULTATIONS);
        routes.post(PATH + "{id}/detach/", this::detach, Action.MANAGE_ALL_CONSULTATIONS);
    }

    private void attach(Context ctx) {
        AttachForm typed = new AttachForm(Params.form(ctx, "account"), Params.form(ctx, "name"), Params.form(ctx, "credentials"),
                Params.form(ctx, "zone"), Params.form(ctx, "slot"));
        Problems problems = new Problems();
        Optional<User> account = typed.account().matches("\\d{1,18}") ? accounts.user(Long.parseLong(typed.account()))
                : Optional.empty();
        if (account.isEmpty()) {
            problems.add("account", "Choose the account of the doctor.");
        } else if (!Permission.may(account.get(), Action.CONSULT)) {
            problems.add("account", account.get().name() + "'s account may not take consultations: give it the role Doctor "
                    + "(or Administrator) under Accounts first.");
        }
        String name = problems.required("name", "Name patients see", typed.name(), 200);
        String credentials = problems.optional("credentials", "Credentials", typed.credentials(), 200);
        ZoneId zone = TimeZones.CHOICES.contains(typed.zone().strip()) ? TimeZones.parse(typed.zone()) : null;
        if (zone == null) {
            problems.add("zone", "Choose a time zone from the list.");
        }
        int slot = typed.slot().matches("\\d{1,3}") ? Integer.parseInt(typed.slot()) : 0;
        if (!Availability.SLOT_LENGTHS.contains(slot)) {
            problems.add("slot", "A consultation lasts 15, 20 or 30 minutes.");
        }
        try {
            problems.check();
            User user = account.orElseThrow();
            Doctor doctor = consult.attach(new DoctorAgenda.Attach(user.id(), name, credentials, zone, slot,
                    accounts.linkedAuthorId(user.id()).orElse(null)));
            ctx.redirect(PATH + "?attached=" + doctor.id(), HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            page(ctx, 422, typed, FormMessages.of(invalid), FormMessages.NONE);
        }
    }

    private void detach(Context ctx) {
        Doctor doctor = consult.doctor(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        if (!doctor.active()) {
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            return;
        }
        try {
            consult.detach(doctor.id());
            ctx.redirect(PATH + "?detached=" + doctor.id(), HttpStatus.SEE_OTHER);
        } catch (DoctorAgenda.StillBooked booked) {
            String message = doctor.name() + " still has " + booked.count() + (booked.count() == 1 ? " consultation" : " consultations")
                    + " to come (the next on " + WHEN.format(booked.next().atZone(doctor.zone())) + ", "
                    + TimeZones.label(doctor.zone()) + " time). Clear the weekly hours so that no "
                    + "new ones are booked, and detach once those have taken place or the patients have cancelled.";
            page(ctx, 409, AttachForm.EMPTY, FormMessages.NONE, FormMessages.of(Invalid.of(null, message)));
        }
    }

    private FormMessages noticeFrom(Context ctx) {
        for (String key : List.of("attached", "detached")) {
            String id = ctx.queryParam(key);
            Optional<Doctor> doctor = id != null && id.matches("\\d{1,18}") ? consult.doctor(Long.parseLong(id)) : Optional.empty();
            if (doctor.isPresent()) {
                return FormMessages.notice(key.equals("attached")
                        ? doctor.get().name() + " is attached. Set the weekly hours so that patients can book."
                        : doctor.get().name() + " is detached: no longer bookable; past consultations are kept.");
            }
        }
        return FormMessages.NONE;
    }

    private void page(Context ctx, int status, AttachForm form, FormMessages messages, FormMessages listMessages) {
        List<Doctor> doctors = consult.allDoctors();
        List<DoctorRow> rows = doctors.stream().map(d -> new DoctorRow(d.id(), d.name(), d.credentials(),
                d.userId() == null ? null : accounts.user(d.userId()).map(u -> u.name() + " (" + u.email() + ")").orElse(null),
                TimeZones.label(d.zone()), d.slotMinutes(), d.active(), d.active() ? consult.upcomingCount(d.id()) : 0)).toList();
        List<AccountChoice> choices = accounts.users().stream()
                .filter(u -> Permission.may(u, Action.CONSULT))
                .filter(u -> doctors.stream().noneMatch(d -> d.active() && d.userId() != null && d.userId() == u.id()))
                .map(u -> new AccountChoice(u.id(), u.name() + " (" + u.email() + ", " + u.role().label() + ")",
                        String.valueOf(u.id()).equals(form.account()))).toList();
        shell.render(ctx, status, "consult/doctors.jte", new DoctorsPage(shell.frame(ctx, "Doctors", AdminShell.Section.CONSULTATIONS),
                rows, choices, TimeZones.CHOICES, form, messages, listMessages));
    }
}
