package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.mail.Outbox;
import org.vertebra.web.Params;
import org.vertebra.web.Role;

/**
 * "Forgot your password?": a form that mails a single-use link, and the page behind the link. The
 * form answers the same whether or not an account has the email, so it tells nobody who has one.
 */
public final class PasswordResetRoutes {

    /** The form that asks for a link; {@code sent} once it was sent (or would have been). */
    public record ForgotPage(AdminFrame frame, String csrfToken, String email, boolean sent, FormMessages messages) {
    }

    /** The form behind the link; {@code usable} false when the link has expired or was used. */
    public record ResetPage(AdminFrame frame, String csrfToken, String token, boolean usable, FormMessages messages) {
    }

    static final String EXPIRED = "This link has expired or was already used. Ask for a new one below.";

    private final AccountService accounts;
    private final Access access;
    private final AdminShell shell;
    private final Outbox outbox;
    private final String baseUrl;
    private final Supplier<String> siteTitle;
    private final Clock clock;
    private final AuditLog audit;

    PasswordResetRoutes(AccountService accounts, Access access, AdminShell shell, Outbox outbox, String baseUrl,
                               Supplier<String> siteTitle, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.access = access;
        this.shell = shell;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.siteTitle = siteTitle;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/password/forgot/", ctx -> showForgot(ctx, 200, "", false, FormMessages.NONE), Role.ANYONE);
        routes.post("/admin/password/forgot/", this::requestLink, Role.ANYONE);
        routes.get("/admin/password/reset/", this::resetForm, Role.ANYONE);
        routes.post("/admin/password/reset/", this::reset, Role.ANYONE);
    }

    private void requestLink(Context ctx) {
        String email = Params.form(ctx, "email").strip();
        if (!email.matches("[^@\\s]{1,200}@[^@\\s]{1,200}")) {
            showForgot(ctx, 422, email, false, FormMessages.problem("email", "Enter the email address of your account."));
            return;
        }
        Optional<Instant> locked = accounts.requestPasswordReset(email, ctx.ip(),
                reset -> outbox.enqueue(PasswordResetMail.of(reset, baseUrl, siteTitle.get(), clock.instant())));
        if (locked.isPresent()) {
            long seconds = AccountRoutes.retryAfter(ctx, clock, locked.get());
            showForgot(ctx, 429, email, false, FormMessages.error("You have asked for several links in a short time. Wait "
                    + seconds + (seconds == 1 ? " second" : " seconds") + " and try again, or look for the mails already on their way."));
            return;
        }
        showForgot(ctx, 200, email, true, FormMessages.notice("If an account exists for " + email
                + ", a link to choose a new password will be sent to it. The link works once, within an hour. "
                + "Nothing after a few minutes? Look in the spam folder."));
    }

    private void showForgot(Context ctx, int status, String email, boolean sent, FormMessages messages) {
        shell.render(ctx, status, "account/forgot.jte", new ForgotPage(shell.frame(ctx, "Forgot your password?", null),
                Access.csrfToken(ctx), email, sent, messages));
    }

    private void resetForm(Context ctx) {
        String token = String.valueOf(ctx.queryParam("token"));
        boolean usable = accounts.passwordResetUsable(token);
        showReset(ctx, usable ? 200 : 410, token, usable, usable ? FormMessages.NONE : FormMessages.error(EXPIRED));
    }

    private void reset(Context ctx) {
        String token = Params.form(ctx, "token");
        String password = ctx.formParam("password");
        try {
            if (password != null && !password.equals(ctx.formParam("confirm"))) {
                throw new AccountProblem("confirm", "The two passwords are not the same.");
            }
            User user = accounts.resetPassword(token, password);
            audit.record(RequestActor.of(ctx), AuditAction.PASSWORD_RESET, AuditObject.account(user.id()).withDetail("by mailed link"));
        } catch (AccountProblem problem) {
            boolean expired = problem.field() == null;
            showReset(ctx, expired ? 410 : 422, token, !expired, expired ? FormMessages.error(EXPIRED) : problem.messages());
            return;
        }
        SignedIn.session(ctx).ifPresent(s -> access.signedOut(ctx)); // its sessions, this one included, have ended
        ctx.redirect("/admin/sign-in/?done=password-reset", HttpStatus.SEE_OTHER);
    }

    private void showReset(Context ctx, int status, String token, boolean usable, FormMessages messages) {
        ctx.header("Referrer-Policy", "no-referrer"); // the token is in this page's address
        shell.render(ctx, status, "account/reset.jte", new ResetPage(shell.frame(ctx, "Choose a new password", null),
                Access.csrfToken(ctx), usable ? token : "", usable, messages));
    }
}
