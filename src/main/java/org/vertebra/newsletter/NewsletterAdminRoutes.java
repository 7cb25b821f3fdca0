package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.vertebra.account.Action;
import org.vertebra.account.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.AdminFrame;
import org.vertebra.layout.DateText;

/** /admin/newsletter/: the list at a glance, the digest on demand, and the list as CSV out and in. */
public final class NewsletterAdminRoutes {

    /** The admin page; {@code csv} is what was pasted, kept after a refused import. */
    public record AdminPage(AdminFrame frame, NewsletterService.Overview overview, String lastDigestText,
                            String periodStartText, String csv, FormMessages messages) {
    }

    private final NewsletterService newsletter;
    private final AdminShell shell;

    public NewsletterAdminRoutes(NewsletterService newsletter, AdminShell shell) {
        this.newsletter = newsletter;
        this.shell = shell;
    }

    public void register(RoutesConfig routes) {
        shell.addSection(AdminShell.Section.NEWSLETTER);
        routes.get("/admin/newsletter/", ctx -> render(ctx, 200, "", FormMessages.NONE), Action.MANAGE_NEWSLETTER);
        routes.post("/admin/newsletter/digest/", this::sendDigest, Action.MANAGE_NEWSLETTER);
        routes.get("/admin/newsletter/subscribers.csv", this::export, Action.MANAGE_NEWSLETTER);
        routes.post("/admin/newsletter/import/", this::importCsv, Action.MANAGE_NEWSLETTER);
    }

    private void sendDigest(Context ctx) {
        render(ctx, 200, "", FormMessages.notice(newsletter.sendDigest().message()));
    }

    private void export(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"")
                .result(newsletter.exportCsv());
    }

    private void importCsv(Context ctx) {
        String csv = uploaded(ctx);
        try {
            NewsletterService.ImportResult result = newsletter.importCsv(csv);
            render(ctx, 200, "", FormMessages.notice("Imported: " + result.added() + " added, " + result.changed()
                    + " changed, " + result.unchanged() + " already on the list as they were. No email was sent."));
        } catch (Invalid invalid) {
            render(ctx, 422, csv.length() > 200_000 ? "" : csv, FormMessages.of(invalid));
        }
    }

    /** The chosen file when there is one, else the pasted text. */
    private static String uploaded(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            try (var in = file.content()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String pasted = ctx.formParam("csv");
        return pasted == null ? "" : pasted;
    }

    private void render(Context ctx, int status, String csv, FormMessages messages) {
        NewsletterService.Overview overview = newsletter.overview();
        shell.render(ctx, status, "newsletter/admin.jte", new AdminPage(
                shell.frame(ctx, "Newsletter", AdminShell.Section.NEWSLETTER), overview,
                overview.lastDigestAt() == null ? null : DateText.words(overview.lastDigestAt()),
                DateText.words(overview.nextPeriodStart()), csv, messages));
    }
}
