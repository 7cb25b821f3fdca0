package org.vertebra.settings;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.vertebra.access.Action;
import org.vertebra.access.SessionPolicy;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;

/** /admin/settings/: the site's title, tagline and footer, and the way to the menus, categories and authors. */
public final class SettingsRoutes {

    /** The settings page; {@code form} holds what was typed, kept after a refused change. */
    public record SettingsPage(AdminFrame frame, IdentityChange form, String configuredTitle, boolean twoFactorRequired,
                               SessionFields sessions, String readingExpiryDays, FormMessages messages) {
    }

    /** The session limits as shown, or as typed when refused. */
    public record SessionFields(String idleMinutes, String lifetimeHours) {
        static SessionFields of(SessionPolicy policy) {
            return new SessionFields(Long.toString(policy.idleMinutes()), Long.toString(policy.lifetimeHours()));
        }
    }

    private final SiteSettings settings;
    private final AdminShell shell;
    private final AuditLog audit;

    SettingsRoutes(SiteSettings settings, AdminShell shell, AuditLog audit) {
        this.audit = audit;
        this.settings = settings;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/settings/", this::show, Action.MANAGE_SETTINGS);
        routes.post("/admin/settings/identity/", this::save, Action.MANAGE_SETTINGS);
        routes.post("/admin/settings/security/", this::saveSecurity, Action.MANAGE_SETTINGS);
        routes.post("/admin/settings/sessions/", this::saveSessions, Action.MANAGE_SETTINGS);
        routes.post("/admin/settings/reading/", this::saveReading, Action.MANAGE_SETTINGS);
    }

    private void show(Context ctx) {
        render(ctx, 200, settings.stored(), sessions(), readingExpiry(), FormMessages.notice(switch (String.valueOf(ctx.queryParam("done"))) {
            case "saved" -> "The site's title, tagline, footer and language are saved. Public pages show them now.";
            case "security" -> settings.twoFactorRequired()
                    ? "Two-step sign-in is now required for administrators and doctors: each is asked to set it up at their next page."
                    : "Two-step sign-in is no longer required; each person may still use it.";
            case "sessions" -> "Session limits are saved. They apply to every session from its next page.";
            case "reading" -> "The reading lists' expiry is saved. It applies to lists sent from now on.";
            default -> null;
        }));
    }

    private void saveSessions(Context ctx) {
        String idle = ctx.formParam("session-idle");
        String lifetime = ctx.formParam("session-lifetime");
        try {
            settings.saveValues(SessionPolicy.parse(idle, lifetime).settings());
            ctx.redirect("/admin/settings/?done=sessions", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, settings.stored(), new SessionFields(idle, lifetime), readingExpiry(), FormMessages.of(invalid));
        }
    }

    /** How long a prescribed reading list's link works; each list keeps the expiry it was sent with. */
    private void saveReading(Context ctx) {
        String typed = ctx.formParam("reading-expiry");
        try {
            ReadingExpiry expiry = ReadingExpiry.parse(typed);
            settings.saveValue(ReadingExpiry.SETTING, Integer.toString(expiry.days()));
            audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED, AuditObject.settings("reading",
                    "reading list expiry: " + expiry.days() + " days"));
            ctx.redirect("/admin/settings/?done=reading", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, settings.stored(), sessions(), typed, FormMessages.of(invalid));
        }
    }

    private SessionFields sessions() {
        return SessionFields.of(SessionPolicy.from(settings.values(SessionPolicy.SETTINGS)));
    }

    private String readingExpiry() {
        return Integer.toString(ReadingExpiry.stored(settings.value(ReadingExpiry.SETTING)).days());
    }

    private void saveSecurity(Context ctx) {
        settings.requireTwoFactor("on".equals(ctx.formParam("require-two-factor")));
        audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED, AuditObject.settings("security",
                "two-step sign-in required: " + ("on".equals(ctx.formParam("require-two-factor")) ? "yes" : "no")));
        ctx.redirect("/admin/settings/?done=security", HttpStatus.SEE_OTHER);
    }

    private void save(Context ctx) {
        String title = ctx.formParam("title");
        String tagline = ctx.formParam("tagline");
        String footer = ctx.formParam("footer");
        String language = ctx.formParam("language");
        try {
            settings.save(IdentityChange.parse(title, tagline, footer, language));
            audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED, AuditObject.settings("identity", "title, tagline, footer, language"));
            ctx.redirect("/admin/settings/?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, new IdentityChange(title, tagline, footer, language), sessions(), readingExpiry(), FormMessages.of(invalid));
        }
    }

    private void render(Context ctx, int status, IdentityChange form, SessionFields sessions, String readingExpiry,
                        FormMessages messages) {
        shell.render(ctx, status, "settings/settings.jte", new SettingsPage(
                shell.frame(ctx, "Settings", AdminShell.Section.SETTINGS), form, settings.configuredTitle(),
                settings.twoFactorRequired(), sessions, readingExpiry, messages));
    }
}
