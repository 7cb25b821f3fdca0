package org.vertebra.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.form.Problems;

/**
 * /admin/mail/settings/: the SMTP server, its TLS mode, the sender and the contact form's recipient,
 * changed without a restart; what the environment or the properties file sets is shown read-only.
 * And a test mail, sent at once rather than through the outbox, with the server's answer.
 */
public final class MailSettingsRoutes {

    public static final String PAGE = "/admin/mail/settings/";

    /**
     * The settings page.
     *
     * @param form       what was typed (after a refused change) or the settings in force
     * @param fixedBy    where each setting the admin cannot change comes from
     * @param server     "host:port" of the server in force, or null when none is set
     * @param testTo     the test mail's address as typed
     * @param testAnswer what the server said to the last test mail, or null
     * @param inForceTls the security of the settings in force
     */
    public record SettingsPage(AdminFrame frame, MailSettingsForm form, Map<String, String> fixedBy,
                               MailConfiguration.StoredPassword password, String server, FormMessages messages,
                               String testTo, SmtpTransport.TestAnswer testAnswer, FormMessages testMessages, String inForceTls) {

        /** True while mail goes out in the clear: the page says so in a warning. */
        public boolean inTheClear() {
            return server != null && SmtpSettings.NONE.equals(inForceTls);
        }

        public boolean fixed(String name) {
            return fixedBy.containsKey(name);
        }

        public String passwordHint() {
            return switch (password) {
                case STORED -> "A password is stored (sealed with the site's key, never shown). Leave this empty to keep it.";
                case UNREADABLE -> "A password is stored but this server cannot open it (the site's key changed): enter it again.";
                case NONE -> "No password is stored. Leave it empty for a server that needs none.";
            };
        }

        /** Where a fixed setting comes from, or null. */
        public String source(String name) {
            return fixedBy.get(name);
        }
    }

    private final MailConfiguration configuration;
    private final AdminShell shell;
    private final AuditLog audit;

    MailSettingsRoutes(MailConfiguration configuration, AdminShell shell, AuditLog audit) {
        this.audit = audit;
        this.configuration = configuration;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, this::show, Action.MANAGE_SETTINGS);
        routes.post(PAGE, this::save, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "test/", this::test, Action.MANAGE_SETTINGS);
    }

    private void show(Context ctx) {
        render(ctx, 200, MailSettingsForm.of(configuration.current()), FormMessages.notice("saved".equals(ctx.queryParam("done"))
                ? "The mail settings are saved and in use now: mail waiting in the outbox goes out through them. "
                + "Send a test mail below to see that they work." : null), SignedIn.user(ctx).email(), null, FormMessages.NONE);
    }

    private void save(Context ctx) {
        MailSettingsForm typed = new MailSettingsForm(ctx.formParam("host"), ctx.formParam("port"), ctx.formParam("user"),
                ctx.formParam("tls"), ctx.formParam("fromName"), ctx.formParam("fromAddress"), ctx.formParam("contactTo"),
                ctx.formParam("trustedCert"));
        try {
            configuration.save(MailSettingsChange.parse(typed, ctx.formParam("password"),
                    "on".equals(ctx.formParam("forgetPassword")), configuration.fixed(), configuration.current()));
            // The setting names only: the SMTP password is secret, so the log says whether it changed, never what to.
            audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED, AuditObject.settings("mail", "host, port, user, tls, from, contact"
                    + (ctx.formParam("password") != null && !ctx.formParam("password").isEmpty() ? ", password (changed)"
                    : "on".equals(ctx.formParam("forgetPassword")) ? ", password (removed)" : "")));
            ctx.redirect(PAGE + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, typed, FormMessages.of(invalid), SignedIn.user(ctx).email(), null, FormMessages.NONE);
        }
    }

    private void test(Context ctx) {
        String to = ctx.formParam("testTo");
        Problems problems = new Problems();
        String address = problems.email("testTo", "The test mail's address", to);
        MailSettingsForm form = MailSettingsForm.of(configuration.current());
        if (!problems.isEmpty()) {
            try {
                problems.check();
            } catch (Invalid invalid) {
                render(ctx, 422, form, FormMessages.NONE, to, null, FormMessages.of(invalid));
            }
            return;
        }
        SmtpTransport transport = configuration.transport();
        SmtpTransport.TestAnswer answer = transport == null
                ? new SmtpTransport.TestAnswer(false, "No SMTP server is set, so nothing can be sent. Enter the server above and save first.")
                : transport.sendTest(address, "Test mail from " + shell.frame(ctx, "", null).siteTitle(),
                "This is a test mail sent from the mail settings of " + shell.frame(ctx, "", null).siteTitle()
                        + ". It arrived, so the site's mail works.\n");
        render(ctx, 200, form, FormMessages.NONE, to, answer, FormMessages.NONE);
    }

    private void render(Context ctx, int status, MailSettingsForm form, FormMessages messages, String testTo,
                        SmtpTransport.TestAnswer answer, FormMessages testMessages) {
        SmtpSettings now = configuration.current();
        shell.render(ctx, status, "mail/settings.jte", new SettingsPage(shell.frame(ctx, "Mail settings", AdminShell.Section.MAIL),
                form, configuration.fixedBy(), configuration.storedPassword(), now.configured() ? now.server() : null, messages,
                testTo, answer, testMessages, now.tls()));
    }
}
