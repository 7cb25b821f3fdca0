package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.mail.Outbox;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/**
 * Accounts: signing in and out, the second step, password resets, the users' admin, and the guard
 * ({@link Access}) that every route's request passes first.
 */
public final class AccountFeature implements Feature {

    private final Access access;
    private final AccountRoutes signIn;
    private final TwoFactorRoutes twoFactor;
    private final UserAdminRoutes users;
    private final PasswordResetRoutes passwordReset;

    /** @param twoFactorRequired whether the site asks every account for a second step (a setting that may change) */
    public AccountFeature(AccountService accounts, Outbox outbox, AuditLog audit, BooleanSupplier twoFactorRequired,
                          WebParts web) {
        AdminShell shell = web.adminShell();
        this.access = new Access(accounts, shell, web.baseUrl(), twoFactorRequired);
        this.signIn = new AccountRoutes(accounts, access, shell, web.clock(), audit);
        this.twoFactor = new TwoFactorRoutes(accounts.twoFactor(), access, shell, web.clock(), audit);
        this.users = new UserAdminRoutes(accounts, shell, audit);
        this.passwordReset = new PasswordResetRoutes(accounts, access, shell, outbox, web.baseUrl(), web.frames()::siteTitle,
                web.clock(), audit);
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public void routes(RoutesConfig routes) {
        signIn.register(routes);
        twoFactor.register(routes);
        users.register(routes);
        passwordReset.register(routes);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.USERS);
    }

    /** The guard every matched route passes: its role or action, and CSRF on state changes. */
    public Access access() {
        return access;
    }
}
