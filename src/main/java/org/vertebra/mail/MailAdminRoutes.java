package org.vertebra.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.layout.MenuLink;
import org.vertebra.layout.Noun;

/**
 * The outbox for administrators: what waits, what failed and why, and a button to send now; and,
 * on the dashboard, a warning while mail cannot go out.
 */
public final class MailAdminRoutes {

    static final int RECENT = 50;
    private static final Noun MAIL = new Noun("mail", "mails");

    /** The mail page; {@code server} is "host:port" of the SMTP server, or null when none is set. */
    public record MailPage(AdminFrame frame, String server, OutboxReport report, FormMessages messages) {
    }

    private final OutboxSender sender;
    private final MailConfiguration configuration;
    private final AdminShell shell;

    MailAdminRoutes(OutboxSender sender, MailConfiguration configuration, AdminShell shell) {
        this.sender = sender;
        this.configuration = configuration;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        shell.addWarning(this::warnings);
        routes.get("/admin/mail/", this::outbox, Action.MANAGE_SETTINGS);
        routes.post("/admin/mail/send-now/", this::sendNow, Action.MANAGE_SETTINGS);
    }

    /** What the dashboard warns an administrator of: mail that cannot go out, or has not for a while. */
    private List<MenuLink> warnings(User user) {
        if (!user.may(Action.MANAGE_SETTINGS)) {
            return List.of();
        }
        OutboxReport.Counts counts = sender.report(0).counts();
        List<MenuLink> warnings = new ArrayList<>();
        if (counts.waiting() > 0 && !configuration.current().configured()) {
            warnings.add(new MenuLink(MAIL.count(counts.waiting()) + " " + Noun.IS.of(counts.waiting())
                    + " waiting and none can be sent: no SMTP server is set. Set one in the mail settings.",
                    MailSettingsRoutes.PAGE, false));
            return warnings;
        }
        if (counts.failing() > 0) {
            warnings.add(new MenuLink(MAIL.count(counts.failing()) + " failed to send and " + Noun.IS.of(counts.failing())
                    + " being tried again: see why in the outbox.", "/admin/mail/", false));
        } else if (counts.stale() > 0) {
            warnings.add(new MenuLink(MAIL.count(counts.stale()) + " " + Noun.HAS.of(counts.stale())
                    + " been waiting for over " + OutboxRepository.STALE.toMinutes() + " minutes: see the outbox.", "/admin/mail/", false));
        }
        if (counts.refused() > 0) {
            warnings.add(new MenuLink(MAIL.count(counts.refused()) + " refused by the mail server: see the outbox.",
                    "/admin/mail/", false));
        }
        return warnings;
    }

    private void outbox(Context ctx) {
        String done = ctx.queryParam("due");
        SmtpSettings settings = configuration.current();
        String server = settings.configured() ? settings.server() : null;
        FormMessages notice = done == null || !done.matches("\\d{1,9}") ? FormMessages.NONE
                : FormMessages.notice(server == null
                ? "Nothing can be sent until an SMTP server is set; the mail stays in the outbox."
                : MAIL.count(Integer.parseInt(done)) + " " + Noun.IS.of(Integer.parseInt(done)) + " due now and will be sent in a moment.");
        shell.render(ctx, 200, "mail/outbox.jte", new MailPage(shell.frame(ctx, "Mail", AdminShell.Section.MAIL), server,
                sender.report(RECENT), notice));
    }

    private void sendNow(Context ctx) {
        int due = sender.makeAllDue();
        ctx.redirect("/admin/mail/?due=" + due, HttpStatus.SEE_OTHER);
    }
}
