package org.vertebra.reading;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.reading.ReadingPages.ChoiceView;
import org.vertebra.reading.ReadingPages.DeletePage;
import org.vertebra.reading.ReadingPages.ListRow;
import org.vertebra.reading.ReadingPages.ListsPage;
import org.vertebra.reading.ReadingPages.SendPage;
import org.vertebra.web.Params;

/**
 * /admin/reading/: the reading lists a doctor sent (an administrator sees everyone's), the form
 * that sends one (from a consultation, with the patient's address filled in), and deleting one
 * after a second question.
 */
final class ReadingAdminRoutes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ReadingService reading;
    private final PatientAddresses patients;
    private final AdminShell shell;

    ReadingAdminRoutes(ReadingService reading, PatientAddresses patients, AdminShell shell) {
        this.reading = reading;
        this.patients = patients;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/reading/", this::lists, Action.PRESCRIBE_READING);
        routes.get("/admin/reading/send/", this::form, Action.PRESCRIBE_READING);
        routes.post("/admin/reading/send/", this::send, Action.PRESCRIBE_READING);
        routes.get("/admin/reading/{id}/delete/", this::confirmDelete, Action.PRESCRIBE_READING);
        routes.post("/admin/reading/{id}/delete/", this::delete, Action.PRESCRIBE_READING);
    }

    // --- the lists

    private void lists(Context ctx) {
        User user = SignedIn.user(ctx);
        boolean everyone = Permission.may(user, Action.MANAGE_ALL_READING_LISTS);
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "sent" -> "The reading list is sent. The patient's mail is on its way through the outbox.";
            case "deleted" -> "The reading list is deleted; its link no longer opens.";
            default -> null;
        };
        List<ListRow> rows = reading.lists(everyone ? null : user.id()).stream().map(ReadingAdminRoutes::row).toList();
        shell.render(ctx, 200, "reading/lists.jte", new ListsPage(frame(ctx, "Reading lists"), rows, everyone, notice));
    }

    private static ListRow row(ReadingService.Summary s) {
        return new ListRow(s.id(), s.patient(), s.sentBy(), when(s.sentAt()), s.sentAt().toString(),
                s.firstOpenedAt() == null ? null : when(s.firstOpenedAt()),
                s.firstOpenedAt() == null ? null : s.firstOpenedAt().toString(),
                DAY.format(s.expiresAt().atZone(ZoneOffset.UTC)), s.expiresAt().toString(), s.articles(), s.consultationId());
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    // --- sending

    private void form(Context ctx) {
        String consultation = ctx.queryParam("consultation");
        String email = consultation == null ? "" : patients.of(consultationId(consultation), SignedIn.user(ctx))
                .orElseThrow(NotFoundResponse::new);
        render(ctx, 200, Set.of(), email, "", consultation, FormMessages.NONE);
    }

    private void send(Context ctx) {
        User user = SignedIn.user(ctx);
        List<String> articles = ctx.formParams("article");
        String note = ctx.formParam("note");
        String email = ctx.formParam("email");
        String consultation = blankToNull(ctx.formParam("consultation"));
        Long consultationId = consultation == null ? null : consultationId(consultation);
        if (consultationId != null && patients.of(consultationId, user).isEmpty()) {
            throw new NotFoundResponse();
        }
        try {
            reading.send(ReadingCommand.parse(articles, note, email, consultationId), RequestActor.of(ctx));
            ctx.redirect("/admin/reading/?done=sent", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, new HashSet<>(articles), email, note, consultation, FormMessages.of(invalid));
        }
    }

    private void render(Context ctx, int status, Set<String> ticked, String email, String note, String consultation,
                        FormMessages messages) {
        List<ChoiceView> choices = reading.choices().stream()
                .map(c -> new ChoiceView(c.id(), c.title(), c.summary(), ticked.contains(Long.toString(c.id())))).toList();
        shell.render(ctx, status, "reading/send.jte", new SendPage(frame(ctx, "Send a reading list"), choices,
                email == null ? "" : email, note == null ? "" : note, consultation, messages, ReadingCommand.MAX_ARTICLES,
                ReadingCommand.NOTE_MAX, reading.expiry().days()));
    }

    private static long consultationId(String value) {
        if (!value.strip().matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(value.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // --- deleting

    private void confirmDelete(Context ctx) {
        ReadingService.Summary list = allowed(ctx);
        if (list == null) {
            shell.notAllowed(ctx);
            return;
        }
        shell.render(ctx, 200, "reading/delete.jte", new DeletePage(frame(ctx, "Delete this reading list?"), row(list)));
    }

    private void delete(Context ctx) {
        ReadingService.Summary list = allowed(ctx);
        if (list == null) {
            shell.notAllowed(ctx);
            return;
        }
        reading.delete(list.id(), RequestActor.of(ctx));
        ctx.redirect("/admin/reading/?done=deleted", HttpStatus.SEE_OTHER);
    }

    /**
     * The list of the path's id when this person may delete it (their own, or any for an
     * administrator); null when it is another's; 404 when there is none.
     */
    private ReadingService.Summary allowed(Context ctx) {
        User user = SignedIn.user(ctx);
        ReadingService.Summary list = reading.list(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        boolean own = list.sentById() != null && list.sentById() == user.id();
        return own || Permission.may(user, Action.MANAGE_ALL_READING_LISTS) ? list : null;
    }

    private AdminFrame frame(Context ctx, String title) {
        return shell.frame(ctx, title, AdminShell.Section.READING);
    }
}
