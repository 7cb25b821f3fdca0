package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.web.Params;

/**
 * /admin/privacy/consent/settings/: the consent policy as the site owner keeps it. Vertebra's own
 * cookies are listed read-only; the owner adds, edits and removes their cookies, services and
 * optional scripts, and may ask every visitor again. A refused change answers 422 with what was
 * typed and changes nothing.
 */
public final class ConsentSettingsRoutes {

    public static final String PAGE = "/admin/privacy/consent/settings/";

    /** An entry's form as typed, kept after a refused change. */
    public record EntryForm(String category, String name, String provider, String purpose, String duration) {
        static final EntryForm EMPTY = new EntryForm("", "", "", "", "");

        static EntryForm of(OwnerEntry entry) {
            return new EntryForm(entry.category().key(), entry.name(), entry.provider(), entry.purpose(), entry.duration());
        }

        EntryChange parse() {
            return EntryChange.parse(category, name, provider, purpose, duration);
        }
    }

    /** A script's form as typed, kept after a refused change. */
    public record ScriptForm(String category, String name, String src, String code) {
        static final ScriptForm EMPTY = new ScriptForm("", "", "", "");

        static ScriptForm of(OptionalScript script) {
            return new ScriptForm(script.category().key(), script.name(), script.src() == null ? "" : script.src(),
                    script.code() == null ? "" : script.code());
        }

        ScriptChange parse() {
            return ScriptChange.parse(category, name, src, code);
        }
    }

    public record SettingsPage(AdminFrame frame, ConsentSettings.Stored stored, List<CookieEntry> builtIn, FormMessages notice,
                               EntryForm entryForm, FormMessages entryMessages, ScriptForm scriptForm, FormMessages scriptMessages,
                               FormMessages askMessages) {
    }

    public record EntryPage(AdminFrame frame, OwnerEntry entry, EntryForm form, FormMessages messages) {
    }

    public record ScriptPage(AdminFrame frame, OptionalScript script, ScriptForm form, FormMessages messages) {
    }

    private static final Map<String, String> NOTICES = Map.of(
            "entry-added", "The entry is added to the banner, the manage dialog and the cookie policy.",
            "entry-saved", "The entry is saved.",
            "entry-removed", "The entry is removed.",
            "script-added", "The script is added. It runs only for visitors who accept its category.",
            "script-saved", "The script is saved.",
            "script-removed", "The script is removed; no page loads it any more.",
            "asked", "");

    private final ConsentSettings settings;
    private final AdminShell shell;
    private final AuditLog audit;

    ConsentSettingsRoutes(ConsentSettings settings, AdminShell shell, AuditLog audit) {
        this.settings = settings;
        this.shell = shell;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, this::show, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "entries/", this::addEntry, Action.MANAGE_PRIVACY);
        routes.get(PAGE + "entries/{id}/", this::editEntry, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "entries/{id}/", this::saveEntry, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "entries/{id}/delete/", this::removeEntry, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "scripts/", this::addScript, Action.MANAGE_PRIVACY);
        routes.get(PAGE + "scripts/{id}/", this::editScript, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "scripts/{id}/", this::saveScript, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "scripts/{id}/delete/", this::removeScript, Action.MANAGE_PRIVACY);
        routes.post(PAGE + "ask-again/", this::askAgain, Action.MANAGE_PRIVACY);
    }

    private void show(Context ctx) {
        String done = NOTICES.containsKey(String.valueOf(ctx.queryParam("done"))) ? ctx.queryParam("done") : null;
        String notice = null;
        if (done != null) {
            int version = settings.stored().version();
            notice = (NOTICES.get(done) + (ctx.queryParam("again") != null || done.equals("asked")
                    ? " The policy is now version " + version + ", so every visitor is asked for their choice again." : "")).strip();
        }
        showPage(ctx, 200, FormMessages.notice(notice), EntryForm.EMPTY, FormMessages.NONE, ScriptForm.EMPTY,
                FormMessages.NONE, FormMessages.NONE);
    }

    private void addEntry(Context ctx) {
        EntryForm form = typedEntry(ctx);
        try {
            done(ctx, "entry-added", settings.addEntry(form.parse()));
        } catch (Invalid invalid) {
            showPage(ctx, 422, FormMessages.NONE, form, FormMessages.of(invalid), ScriptForm.EMPTY, FormMessages.NONE,
                    FormMessages.NONE);
        }
    }

    private void editEntry(Context ctx) {
        OwnerEntry entry = existingEntry(ctx);
        showEntry(ctx, 200, entry, EntryForm.of(entry), FormMessages.NONE);
    }

    private void saveEntry(Context ctx) {
        OwnerEntry entry = existingEntry(ctx);
        EntryForm form = typedEntry(ctx);
        try {
            done(ctx, "entry-saved", settings.updateEntry(entry.id(), form.parse()));
        } catch (Invalid invalid) {
            showEntry(ctx, 422, entry, form, FormMessages.of(invalid));
        }
    }

    private void removeEntry(Context ctx) {
        done(ctx, "entry-removed", settings.removeEntry(existingEntry(ctx).id()));
    }

    private void addScript(Context ctx) {
        ScriptForm form = typedScript(ctx);
        try {
            done(ctx, "script-added", settings.addScript(form.parse()));
        } catch (Invalid invalid) {
            showPage(ctx, 422, FormMessages.NONE, EntryForm.EMPTY, FormMessages.NONE, form, FormMessages.of(invalid),
                    FormMessages.NONE);
        }
    }

    private void editScript(Context ctx) {
        OptionalScript script = existingScript(ctx);
        showScript(ctx, 200, script, ScriptForm.of(script), FormMessages.NONE);
    }

    private void saveScript(Context ctx) {
        OptionalScript script = existingScript(ctx);
        ScriptForm form = typedScript(ctx);
        try {
            done(ctx, "script-saved", settings.updateScript(script.id(), form.parse()));
        } catch (Invalid invalid) {
            showScript(ctx, 422, script, form, FormMessages.of(invalid));
        }
    }

    private void removeScript(Context ctx) {
        done(ctx, "script-removed", settings.removeScript(existingScript(ctx).id()));
    }

    /** The confirmation is a box to tick beside the explanation, so the button alone cannot ask every visitor again. */
    private void askAgain(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            showPage(ctx, 422, FormMessages.NONE, EntryForm.EMPTY, FormMessages.NONE, ScriptForm.EMPTY, FormMessages.NONE,
                    FormMessages.of(Invalid.of("confirm", "Tick the box to confirm that every visitor should be asked again.")));
            return;
        }
        done(ctx, "asked", settings.askAgain());
    }

    private void done(Context ctx, String what, ConsentSettings.Saved saved) {
        // A script added here runs on readers' pages once they consent: who changed what is on record.
        audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED, AuditObject.settings("consent", what));
        ctx.redirect(PAGE + "?done=" + what + (saved.askedAgain() ? "&again=1" : ""), HttpStatus.SEE_OTHER);
    }

    private OwnerEntry existingEntry(Context ctx) {
        return settings.entry(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private OptionalScript existingScript(Context ctx) {
        return settings.script(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showPage(Context ctx, int status, FormMessages notice, EntryForm entryForm, FormMessages entryMessages,
                          ScriptForm scriptForm, FormMessages scriptMessages, FormMessages askMessages) {
        shell.render(ctx, status, "consent/settings.jte", new SettingsPage(shell.frame(ctx, "Consent settings",
                AdminShell.Section.PRIVACY), settings.stored(), settings.builtIn(), notice, entryForm, entryMessages,
                scriptForm, scriptMessages, askMessages));
    }

    private void showEntry(Context ctx, int status, OwnerEntry entry, EntryForm form, FormMessages messages) {
        shell.render(ctx, status, "consent/entry.jte", new EntryPage(shell.frame(ctx, "Consent entry: " + entry.name(),
                AdminShell.Section.PRIVACY), entry, form, messages));
    }

    private void showScript(Context ctx, int status, OptionalScript script, ScriptForm form, FormMessages messages) {
        shell.render(ctx, status, "consent/script.jte", new ScriptPage(shell.frame(ctx, "Optional script: " + script.name(),
                AdminShell.Section.PRIVACY), script, form, messages));
    }

    private static EntryForm typedEntry(Context ctx) {
        return new EntryForm(Params.form(ctx, "category"), Params.form(ctx, "name"), Params.form(ctx, "provider"),
                Params.form(ctx, "purpose"), Params.form(ctx, "duration"));
    }

    private static ScriptForm typedScript(Context ctx) {
        return new ScriptForm(Params.form(ctx, "category"), Params.form(ctx, "name"), Params.form(ctx, "src"),
                Params.form(ctx, "code"));
    }
}
