package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
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
import org.vertebra.layout.MenuLink;
import org.vertebra.web.Role;

/** Two-step sign-in: one's own enrolment at /admin/account/two-factor/, and the code page of signing in. */
public final class TwoFactorRoutes {

    static final String PAGE = "/admin/account/two-factor/";
    static final String CODE_PAGE = "/admin/sign-in/code/";

    /**
     * One's two-step sign-in: its status, an unfinished enrolment (secret and QR code), recovery codes
     * just made (shown this once, else null), and what was typed in the confirmation form.
     */
    public record TwoFactorPage(AdminFrame frame, TwoFactorService.Status status, TwoFactorService.Enrolment enrolment,
                                List<String> recoveryCodes, String typedCode, FormMessages messages) {
    }

    /** The second step of signing in: the code form. */
    public record CodePage(AdminFrame frame, String csrfToken, String next, FormMessages messages) {
    }

    private final TwoFactorService twoFactor;
    private final Access access;
    private final AdminShell shell;
    private final Clock clock;
    private final AuditLog audit;

    TwoFactorRoutes(TwoFactorService twoFactor, Access access, AdminShell shell, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.access = access;
        this.shell = shell;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(CODE_PAGE, this::codeForm, Role.ANYONE);
        routes.post(CODE_PAGE, this::code, Role.ANYONE);
        routes.get(PAGE, this::page, Action.USE_ADMIN);
        routes.post(PAGE + "start/", this::start, Action.USE_ADMIN);
        routes.post(PAGE + "confirm/", this::confirm, Action.USE_ADMIN);
        routes.post(PAGE + "off/", this::turnOff, Action.USE_ADMIN);
        routes.post(PAGE + "recovery-codes/", this::regenerate, Action.USE_ADMIN);
        shell.addAttention(user -> {
            if (!Permission.may(user, Action.MANAGE_USERS)) {
                return List.of();
            }
            int without = twoFactor.consultingAccountsWithout();
            return without == 0 ? List.of() : List.of(new MenuLink(without + (without == 1
                    ? " account that can open consultations has" : " accounts that can open consultations have")
                    + " no two-step sign-in", "/admin/users/", false, List.of()));
        });
    }

    private void codeForm(Context ctx) {
        if (!twoFactor.pending(Access.pendingToken(ctx))) {
            ctx.redirect("/admin/sign-in/?done=code-expired");
            return;
        }
        showCode(ctx, 200, ctx.queryParam("next"), FormMessages.NONE);
    }

    private void code(Context ctx) {
        String next = AccountRoutes.safeNext(ctx.formParam("next"));
        SignIn result = twoFactor.completeSignIn(Access.pendingToken(ctx), ctx.formParam("code"), ctx.ip());
        if (result instanceof SignIn.SignedIn signedIn) {
            access.secondStepDone(ctx);
            access.signedIn(ctx, signedIn.session());
            audit.record(RequestActor.of(ctx), RecoveryCodes.looksLikeOne(ctx.formParam("code")) ? AuditAction.RECOVERY_CODE_USED
                    : AuditAction.SIGN_IN, AuditObject.account(signedIn.session().user().id()).withDetail("second step"));
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.StepExpired) {
            access.secondStepDone(ctx);
            ctx.redirect("/admin/sign-in/?done=code-expired&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.Locked locked) {
            long seconds = AccountRoutes.retryAfter(ctx, clock, locked.until());
            audit.record(RequestActor.of(ctx), AuditAction.SIGN_IN_FAILED, AuditObject.NONE.withDetail("second step locked"), AuditOutcome.REFUSED);
            showCode(ctx, 429, next, FormMessages.error("Too many failed attempts. Wait " + seconds
                    + (seconds == 1 ? " second" : " seconds") + " before you try again."));
        } else {
            audit.record(RequestActor.of(ctx), AuditAction.SIGN_IN_FAILED, AuditObject.NONE.withDetail("second step"), AuditOutcome.REFUSED);
            showCode(ctx, 401, next, FormMessages.problem("code",
                    "That code is not right, or was already used. Enter the code your app shows now, or an unused recovery code."));
        }
    }

    private void showCode(Context ctx, int status, String next, FormMessages messages) {
        shell.render(ctx, status, "account/sign-in-code.jte", new CodePage(shell.frame(ctx, "Enter your sign-in code", null),
                Access.csrfToken(ctx), AccountRoutes.safeNext(next), messages));
    }

    private void page(Context ctx) {
        show(ctx, 200, null, "", switch (String.valueOf(ctx.queryParam("done"))) {
            case "off" -> FormMessages.notice("Two-step sign-in is off for your account.");
            default -> ctx.queryParam("required") == null ? FormMessages.NONE : FormMessages.notice("This site requires two-step sign-in for "
                    + "accounts that can open consultations. Set it up here to go on to the rest of the admin.");
        });
    }

    private void start(Context ctx) {
        try {
            twoFactor.start(SignedIn.user(ctx), issuer(ctx));
            ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 409, null, "", problem.messages());
        }
    }

    private void confirm(Context ctx) {
        String code = ctx.formParam("code");
        try {
            List<String> codes = twoFactor.confirm(SignedIn.user(ctx), ctx.formParam("password"), code);
            audit.record(RequestActor.of(ctx), AuditAction.TWO_FACTOR_ENROLLED, AuditObject.account(SignedIn.user(ctx).id()));
            show(ctx, 200, codes, "", FormMessages.notice("Two-step sign-in is on. Save your recovery codes now."));
        } catch (AccountProblem problem) {
            show(ctx, 422, null, code == null ? "" : code, problem.messages());
        }
    }

    private void turnOff(Context ctx) {
        try {
            twoFactor.turnOff(SignedIn.user(ctx), ctx.formParam("off-password"), ctx.formParam("off-code"));
            audit.record(RequestActor.of(ctx), AuditAction.TWO_FACTOR_REMOVED, AuditObject.account(SignedIn.user(ctx).id()));
            ctx.redirect(PAGE + "?done=off", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 422, null, "", problem.messages());
        }
    }

    private void regenerate(Context ctx) {
        try {
            List<String> codes = twoFactor.regenerateRecoveryCodes(SignedIn.user(ctx), ctx.formParam("recovery-code"));
            show(ctx, 200, codes, "", FormMessages.notice("New recovery codes are made; the old ones no longer work."));
        } catch (AccountProblem problem) {
            show(ctx, 422, null, "", problem.messages());
        }
    }

    private void show(Context ctx, int status, List<String> recoveryCodes, String typedCode, FormMessages messages) {
        User user = SignedIn.user(ctx);
        AdminFrame frame = shell.frame(ctx, "Two-step sign-in", null);
        shell.render(ctx, status, "account/two-factor.jte", new TwoFactorPage(frame, twoFactor.status(user),
                twoFactor.enrolment(user, frame.siteTitle()).orElse(null), recoveryCodes, typedCode, messages));
    }

    private String issuer(Context ctx) {
        return shell.frame(ctx, "", null).siteTitle();
    }
}
