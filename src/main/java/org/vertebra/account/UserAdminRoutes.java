package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.web.Params;

/** The accounts of the editorial desk, for administrators: list, add, change role, disable and enable. */
public final class UserAdminRoutes {

    /** What the add form holds, kept after a failure (never the password). */
    public record NewUserForm(String email, String name, String role) {
    }

    /** The users page. */
    public record UsersPage(AdminFrame frame, long selfId, List<User> users, List<AccountRole> roles, NewUserForm form,
                            FormMessages messages, java.util.Set<Long> twoFactorOn) {
    }

    private static final Map<String, String> NOTICES = Map.of(
            "added", "The account is added.",
            "role", "The role is changed.",
            "disabled", "The account is disabled and its sessions are signed out.",
            "enabled", "The account is enabled.",
            "two-factor-off", "Two-step sign-in is off for that account: its owner signs in with the password and can set it up again.");

    private final AccountService accounts;
    private final AdminShell shell;
    private final AuditLog audit;

    UserAdminRoutes(AccountService accounts, AdminShell shell, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/users/", this::list, Action.MANAGE_USERS);
        routes.post("/admin/users/", this::add, Action.MANAGE_USERS);
        routes.post("/admin/users/{id}/role/", this::changeRole, Action.MANAGE_USERS);
        routes.post("/admin/users/{id}/disable/", ctx -> setDisabled(ctx, true), Action.MANAGE_USERS);
        routes.post("/admin/users/{id}/enable/", ctx -> setDisabled(ctx, false), Action.MANAGE_USERS);
        routes.post("/admin/users/{id}/two-factor-off/", this::turnOffTwoFactor, Action.MANAGE_USERS);
    }

    private void list(Context ctx) {
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("done")));
        show(ctx, 200, new NewUserForm("", "", AccountRole.AUTHOR.key()), FormMessages.notice(notice));
    }

    private void add(Context ctx) {
        NewUserForm form = new NewUserForm(Params.form(ctx, "email").strip(), Params.form(ctx, "name").strip(), Params.form(ctx, "role").strip());
        try {
            AccountRole role = AccountRole.parse(form.role())
                    .orElseThrow(() -> new AccountProblem("role", "Choose one of the roles."));
            User added = accounts.addUser(form.email(), form.name(), role, ctx.formParam("password"));
            audit.record(RequestActor.of(ctx), AuditAction.ACCOUNT_CREATED, AuditObject.account(added.id()).withDetail(role.key()));
            ctx.redirect("/admin/users/?done=added", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 422, form, problem.messages());
        }
    }

    private void changeRole(Context ctx) {
        try {
            AccountRole role = AccountRole.parse(ctx.formParam("role"))
                    .orElseThrow(() -> new AccountProblem(null, "Choose one of the roles."));
            accounts.changeRole(SignedIn.user(ctx), Params.id(ctx, "id"), role);
            audit.record(RequestActor.of(ctx), AuditAction.ROLE_CHANGED, AuditObject.account(Params.id(ctx, "id")).withDetail(role.key()));
            ctx.redirect("/admin/users/?done=role", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 422, new NewUserForm("", "", AccountRole.AUTHOR.key()), problem.messages());
        }
    }

    private void setDisabled(Context ctx, boolean disabled) {
        try {
            accounts.setDisabled(SignedIn.user(ctx), Params.id(ctx, "id"), disabled);
            audit.record(RequestActor.of(ctx), disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED,
                    AuditObject.account(Params.id(ctx, "id")));
            ctx.redirect("/admin/users/?done=" + (disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 422, new NewUserForm("", "", AccountRole.AUTHOR.key()), problem.messages());
        }
    }

    private void turnOffTwoFactor(Context ctx) {
        try {
            accounts.twoFactor().turnOffFor(SignedIn.user(ctx), Params.id(ctx, "id"));
            audit.record(RequestActor.of(ctx), AuditAction.TWO_FACTOR_REMOVED, AuditObject.account(Params.id(ctx, "id")).withDetail("by an administrator"));
            ctx.redirect("/admin/users/?done=two-factor-off", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            show(ctx, 422, new NewUserForm("", "", AccountRole.AUTHOR.key()), problem.messages());
        }
    }

    private void show(Context ctx, int status, NewUserForm form, FormMessages messages) {
        shell.render(ctx, status, "account/users.jte", new UsersPage(shell.frame(ctx, "Users", AdminShell.Section.USERS),
                SignedIn.user(ctx).id(), accounts.users(), Arrays.asList(AccountRole.values()), form, messages,
                accounts.twoFactor().accountsWithItOn()));
    }
}
