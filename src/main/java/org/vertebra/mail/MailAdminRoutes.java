package org.vertebra.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.vertebra.account.Action;
import org.vertebra.account.AdminShell;
import org.vertebra.account.FormError;
import org.vertebra.layout.AdminFrame;

/** The outbox for administrators: what waits, what failed and why, and a button to send now. */
public final class MailAdminRoutes {

    static final int RECENT = 50;

    /** The mail page; {@code server} is "host:port" of the SMTP server, or null when none is set. */
    public record MailPage(AdminFrame frame, String server, OutboxReport report, FormError message) {
    }

    private final OutboxSender sender;
    private final String server;
    private final AdminShell shell;

    /** @param server "host:port" of the configured SMTP server, or null when there is none */
    public MailAdminRoutes(OutboxSender sender, String server, AdminShell shell) {
        this.sender = sender;
        this.server = server;
        this.shell = shell;
    }

    public void register(RoutesConfig routes) {
        shell.addSection(AdminShell.Section.MAIL);
        routes.get("/admin/mail/", this::outbox, Action.MANAGE_SETTINGS);
        routes.post("/admin/mail/send-now/", this::sendNow, Action.MANAGE_SETTINGS);
    }

    private void outbox(Context ctx) {
        String done = ctx.queryParam("due");
        FormError notice = done == null || !done.matches("\\d{1,9}") ? null
                : FormError.notice(server == null
                ? "Nothing can be sent until an SMTP server is set; the mail stays in the outbox."
                : done + (done.equals("1") ? " mail is" : " mails are") + " due now and will be sent in a moment.");
        shell.render(ctx, 200, "mail/outbox.jte", new MailPage(shell.frame(ctx, "Mail", AdminShell.Section.MAIL), server,
                sender.report(RECENT), notice));
    }

    private void sendNow(Context ctx) {
        int due = sender.makeAllDue();
        ctx.redirect("/admin/mail/?due=" + due, HttpStatus.SEE_OTHER);
    }
}
