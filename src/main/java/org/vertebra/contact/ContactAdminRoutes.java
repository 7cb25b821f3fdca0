package org.vertebra.contact;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.layout.DateText;
import org.vertebra.layout.MenuLink;

/** /admin/messages/: the contact form's messages, newest first, each marked read by a button. */
public final class ContactAdminRoutes {

    public record Row(long id, String topic, String name, String email, String message, String sentText, String sentIso,
                      boolean unread) {
    }

    public record MessagesPage(AdminFrame frame, List<Row> messages, int unread) {
    }

    private final ContactService contact;
    private final AdminShell shell;

    ContactAdminRoutes(ContactService contact, AdminShell shell) {
        this.contact = contact;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(user -> {
            int unread = user.may(Action.READ_MESSAGES) ? contact.unread() : 0;
            return unread == 0 ? List.of()
                    : List.of(new MenuLink(new org.vertebra.layout.Noun("new message", "new messages").count(unread), "/admin/messages/", false));
        });
        routes.get("/admin/messages/", this::list, Action.READ_MESSAGES);
        routes.post("/admin/messages/{id}/read/", this::markRead, Action.READ_MESSAGES);
    }

    private void list(Context ctx) {
        List<Row> rows = contact.recent().stream().map(m -> new Row(m.id(), m.topicLabel(), m.name(), m.email(), m.message(),
                DateText.words(m.createdAt()), DateText.iso(m.createdAt()), m.readAt() == null)).toList();
        shell.render(ctx, 200, "contact/admin.jte", new MessagesPage(shell.frame(ctx, "Messages", AdminShell.Section.MESSAGES),
                rows, (int) rows.stream().filter(Row::unread).count()));
    }

    private void markRead(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}") || !contact.markRead(Long.parseLong(id))) {
            throw new NotFoundResponse();
        }
        ctx.redirect("/admin/messages/#message-" + id, HttpStatus.SEE_OTHER);
    }
}
