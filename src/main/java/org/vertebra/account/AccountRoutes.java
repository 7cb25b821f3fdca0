package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import org.vertebra.access.Action;
import org.vertebra.access.Session;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.AuditOutcome;
import org.vertebra.audit.RequestActor;
import org.vertebra.web.Role;

/** Signing in and out, and one's own account. */
public final class AccountRoutes {

    /** The sign-in form's view; {@code email} is what was typed, kept after a failure. */
    public record SignInPage(AdminFrame frame, String csrfToken, String email, String next, FormMessages messages) {
    }

    /** One's own account: who one is, and the form to change one's password. */
    public record AccountPage(AdminFrame frame, User user, FormMessages messages) {
    }

    /** Where the notice before a session ends sends its "stay signed in". */

    private final AccountService accounts;
    private final Access access;
    private final AdminShell shell;
    private final Clock clock;
    private final AuditLog audit;

    AccountRoutes(AccountService accounts, Access access, AdminShell shell, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.access = access;
        this.shell = shell;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/sign-in/", this::signInForm, Role.ANYONE);
        routes.post("/admin/sign-in/", this::signIn, Role.ANYONE);
        routes.post("/admin/sign-out/", this::signOut, Action.USE_ADMIN);
        routes.post("/admin/sign-out-everywhere/", this::signOutEverywhere, Action.USE_ADMIN);
        routes.get("/admin/account/", this::accountPage, Action.USE_ADMIN);
        routes.post("/admin/account/password/", this::changePassword, Action.USE_ADMIN);
        routes.post(AdminShell.KEEP_SESSION, this::keepSession, Action.USE_ADMIN);
        routes.exception(AccountService.NotPermitted.class, (e, ctx) -> shell.message(ctx, 403, "Not allowed",
                "Your role does not allow this. Ask an administrator if you need it."));
    }

    private void signInForm(Context ctx) {
        if (SignedIn.session(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        String done = String.valueOf(ctx.queryParam("done"));
        String ended = ctx.queryParam("ended");
        if (ended != null && java.util.Arrays.stream(AccountService.Ended.values()).anyMatch(e -> e.name().equalsIgnoreCase(ended))) {
            done = "ended";
        }
        String notice = switch (done) {
            case "ended" -> Access.endedMessage(AccountService.Ended.valueOf(ended.toUpperCase(java.util.Locale.ROOT)),
                    accounts.sessionPolicy());
            case "signed-out" -> "You are signed out.";
            case "code-expired" -> "The time to enter the code has run out. Sign in again with your password.";
            case "password-reset" -> "Your password is changed, and every session of your account is signed out. Sign in with the new password.";
            default -> null;
        };
        showSignIn(ctx, 200, "", ctx.queryParam("next"), FormMessages.notice(notice));
    }

    /**
     * The "stay signed in" button of the notice before a session ends: the request itself is the
     * activity (Access noted it); the answer says how long the session now has, in seconds.
     */
    private void keepSession(Context ctx) {
        Session session = SignedIn.session(ctx).orElseThrow();
        java.time.Instant now = clock.instant();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result("{\"idleSeconds\":"
                + Math.max(0, Duration.between(now, session.idleEndsAt()).toSeconds()) + ",\"endsSeconds\":"
                + Math.max(0, Duration.between(now, session.endsAt()).toSeconds()) + "}");
    }

    private void signIn(Context ctx) {
        String email = ctx.formParam("email");
        String next = ctx.formParam("next");
        SignIn result = accounts.signIn(email, ctx.formParam("password"), ctx.ip());
        if (result instanceof SignIn.SignedIn signedIn) {
            access.signedIn(ctx, signedIn.session());
            audit.record(RequestActor.of(ctx), AuditAction.SIGN_IN, AuditObject.account(signedIn.session().user().id()));
            ctx.redirect(safeNext(next), HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.SecondStep second) {
            access.secondStepPending(ctx, second.pendingToken());
            ctx.redirect(TwoFactorRoutes.CODE_PAGE + "?next=" + java.net.URLEncoder.encode(safeNext(next),
                    java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.Locked locked) {
            long seconds = retryAfter(ctx, clock, locked.until());
            audit.record(RequestActor.of(ctx), AuditAction.SIGN_IN_FAILED, AuditObject.NONE.withDetail("locked"), AuditOutcome.REFUSED);
            showSignIn(ctx, 429, email, next, FormMessages.error("Too many failed attempts. Wait " + seconds
                    + (seconds == 1 ? " second" : " seconds") + " before you try again."));
        } else {
            audit.record(RequestActor.of(ctx), AuditAction.SIGN_IN_FAILED, AuditObject.NONE.withDetail("password"), AuditOutcome.REFUSED);
            showSignIn(ctx, 401, email, next, FormMessages.problem("password", "The email or password is not right."));
        }
    }

    private void showSignIn(Context ctx, int status, String email, String next, FormMessages messages) {
        shell.render(ctx, status, "account/sign-in.jte", new SignInPage(shell.frame(ctx, "Sign in", null),
                Access.csrfToken(ctx), email == null ? "" : email, next == null ? "" : next, messages));
    }

    private void signOut(Context ctx) {
        audit.record(RequestActor.of(ctx), AuditAction.SIGN_OUT, AuditObject.account(SignedIn.user(ctx).id()));
        accounts.signOut(SignedIn.session(ctx).orElseThrow().token());
        access.signedOut(ctx);
        ctx.redirect("/admin/sign-in/?done=signed-out", HttpStatus.SEE_OTHER);
    }

    private void signOutEverywhere(Context ctx) {
        audit.record(RequestActor.of(ctx), AuditAction.SIGN_OUT, AuditObject.account(SignedIn.user(ctx).id()).withDetail("every session"));
        accounts.signOutEverywhere(SignedIn.user(ctx).id());
        access.signedOut(ctx);
        ctx.redirect("/admin/sign-in/?done=signed-out", HttpStatus.SEE_OTHER);
    }

    private void accountPage(Context ctx) {
        showAccount(ctx, 200, "password".equals(ctx.queryParam("done"))
                ? FormMessages.notice("Your password is changed. Your other sessions have been signed out.") : FormMessages.NONE);
    }

    private void changePassword(Context ctx) {
        try {
            String password = ctx.formParam("password");
            if (password != null && !password.equals(ctx.formParam("confirm"))) {
                throw new AccountProblem("confirm", "The two new passwords are not the same.");
            }
            accounts.changePassword(SignedIn.session(ctx).orElseThrow(), ctx.formParam("current"), password);
            audit.record(RequestActor.of(ctx), AuditAction.PASSWORD_CHANGED, AuditObject.account(SignedIn.user(ctx).id()));
            ctx.redirect("/admin/account/?done=password", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            audit.record(RequestActor.of(ctx), AuditAction.PASSWORD_CHANGED, AuditObject.account(SignedIn.user(ctx).id()), AuditOutcome.REFUSED);
            showAccount(ctx, 422, problem.messages());
        }
    }

    private void showAccount(Context ctx, int status, FormMessages messages) {
        shell.render(ctx, status, "account/account.jte",
                new AccountPage(shell.frame(ctx, "Your account", null), SignedIn.user(ctx), messages));
    }

    /** Whole seconds until a throttled person may try again, at least one, also sent as Retry-After. */
    static long retryAfter(Context ctx, Clock clock, java.time.Instant until) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return seconds;
    }

    /** Where to go after signing in: a path in the admin, never another site (an open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin/") || next.contains("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "/admin/";
        }
        return next;
    }
}
