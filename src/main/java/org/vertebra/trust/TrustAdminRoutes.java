package org.vertebra.trust;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.MenuLink;

/**
 * /admin/settings/trust/: the site's default disclosure, the highest reading grade and the lowest PEMAT
 * scores to publish;
 * and, on the dashboard, a reminder for administrators until the default disclosure is set.
 */
public final class TrustAdminRoutes {

    /** The settings form; {@code disclosure} and {@code maxGrade} hold what was typed. */
    public record TrustSettingsPage(AdminFrame frame, String disclosure, String maxGrade, String minPemat,
                                    boolean defaultSet, FormMessages messages, GradeCount aboveGrade) {
    }

    /** Published articles reading above a grade about to be set; the form then asks to confirm. */
    public record GradeCount(int grade, int articles) {
    }

    /** The form field that confirms a limit above which some published articles read. */
    static final String CONFIRM = "confirmGrade";

    static final String PATH = "/admin/settings/trust/";

    private final TrustSettings settings;
    private final PublishedGrades grades;
    private final AdminShell shell;
    private final AuditLog audit;

    TrustAdminRoutes(TrustSettings settings, PublishedGrades grades, AdminShell shell, AuditLog audit) {
        this.settings = settings;
        this.grades = grades;
        this.shell = shell;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(user -> user.may(Action.MANAGE_SETTINGS) && settings.policy().defaultDisclosure() == null
                ? List.of(new MenuLink("Set the site's default disclosure: until then, only articles with a disclosure"
                        + " of their own can be published", PATH, false))
                : List.of());
        routes.get(PATH, this::show, Action.MANAGE_SETTINGS);
        routes.post(PATH, this::save, Action.MANAGE_SETTINGS);
    }

    private void show(Context ctx) {
        TrustPolicy policy = settings.policy();
        render(ctx, 200, policy.defaultDisclosure(), policy.maxGrade() == null ? "" : String.valueOf(policy.maxGrade().intValue()),
                policy.minPemat() == null ? "" : String.valueOf(policy.minPemat()), FormMessages.notice("saved".equals(ctx.queryParam("done")) ? "Saved. Articles show the default disclosure"
                        + " where they have none of their own." : null));
    }

    private void save(Context ctx) {
        String disclosure = ctx.formParam("defaultDisclosure");
        String grade = ctx.formParam("maxGrade");
        String pemat = ctx.formParam("minPemat");
        try {
            TrustSettingsChange change = TrustSettingsChange.parse(disclosure, grade, pemat);
            GradeCount above = tightens(change.maxGrade()) && !String.valueOf(change.maxGrade()).equals(ctx.formParam(CONFIRM))
                    ? new GradeCount(change.maxGrade(), grades.countAbove(change.maxGrade())) : null;
            if (above != null && above.articles() > 0) {
                render(ctx, 200, disclosure, grade, pemat, FormMessages.NONE, above);
                return;
            }
            settings.save(change);
            // The rules every publication is held to: who changed them is on record.
            audit.record(RequestActor.of(ctx), AuditAction.SETTINGS_CHANGED,
                    AuditObject.settings("trust", "default disclosure, highest reading grade, PEMAT minimum"));
            ctx.redirect(PATH + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, disclosure, grade, pemat, FormMessages.of(invalid));
        }
    }

    /** True when this limit is new or lower than the one set: articles published before may read above it. */
    private boolean tightens(Integer grade) {
        Double current = settings.policy().maxGrade();
        return grade != null && (current == null || grade < current);
    }

    private void render(Context ctx, int status, String disclosure, String grade, String pemat, FormMessages messages) {
        render(ctx, status, disclosure, grade, pemat, messages, null);
    }

    private void render(Context ctx, int status, String disclosure, String grade, String pemat, FormMessages messages,
                        GradeCount above) {
        shell.render(ctx, status, "trust/settings.jte", new TrustSettingsPage(
                shell.frame(ctx, "Trust and readability", AdminShell.Section.SETTINGS), disclosure, grade,
                pemat == null ? "" : pemat,
                settings.policy().defaultDisclosure() != null, messages, above));
    }
}
