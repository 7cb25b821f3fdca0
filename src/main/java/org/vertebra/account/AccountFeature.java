package org.vertebra.account;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.mail.Outbox;
import org.vertebra.module.Chore;
import org.vertebra.consent.ConsentCategory;
import org.vertebra.consent.CookieEntry;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/**
 * Accounts: signing in and out, the second step, password resets, the users' admin, and the guard
 * ({@link Access}) that every route's request passes first.
 */
public final class AccountFeature implements Feature {

    /** The cookies signing in sets, which the consent banner and the Cookie Policy list; readers never get them. */
    public static final List<CookieEntry> COOKIES = List.of(
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_session", "Keeps staff signed in to the admin pages; readers never get it.",
                    "14 days", "This site"),
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_csrf", "Protects the staff sign-in form from forgery.",
                    "Until the browser closes", "This site"),
            new CookieEntry(ConsentCategory.FUNCTIONAL, "vertebra_pending",
                    "Holds a staff member's sign-in between the password and the two-step code; readers never get it.",
                    "5 minutes", "This site"));

    private final AccountService accounts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final BooleanSupplier twoFactorRequired;
    private Access access;

    /** @param twoFactorRequired whether the site asks every account for a second step (a setting that may change) */
    public AccountFeature(AccountService accounts, Outbox outbox, AuditLog audit, BooleanSupplier twoFactorRequired) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.audit = audit;
        this.twoFactorRequired = twoFactorRequired;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public void routes(RoutesConfig routes, WebParts web) {
        AdminShell shell = web.adminShell();
        this.access = new Access(accounts, shell, web.baseUrl(), twoFactorRequired);
        new AccountRoutes(accounts, access, shell, web.clock(), audit).register(routes);
        new TwoFactorRoutes(accounts.twoFactor(), access, shell, web.clock(), audit).register(routes);
        new UserAdminRoutes(accounts, shell, audit).register(routes);
        new PasswordResetRoutes(accounts, access, shell, outbox, web.baseUrl(), web.frames()::siteTitle, web.clock(), audit)
                .register(routes);
    }

    /** Ended sessions and old sign-in failures are forgotten. */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("ended sessions and old sign-in failures forgotten", accounts::cleanUp));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.USERS);
    }

    /**
     * The guard every matched route passes: its role or action, and CSRF on state changes. Built
     * with the routes, whose refusals it renders in the admin's frame.
     */
    public Access access() {
        if (access == null) {
            throw new IllegalStateException("the account feature's routes are not registered yet");
        }
        return access;
    }
}
