package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.DateText;

/**
 * /admin/newsletter/: the list at a glance, the digest on demand, and the list as CSV out and in;
 * /admin/newsletter/subscribers/: the list itself, a page at a time.
 */
public final class NewsletterAdminRoutes {

    /** The admin page; {@code csv} is what was pasted, kept after an import that took nothing; {@code report} the last import's. */
    public record AdminPage(AdminFrame frame, NewsletterService.Overview overview, String lastDigestText,
                            String periodStartText, String csv, NewsletterService.ImportResult report, FormMessages messages) {
    }

    /** The list page: one page of subscribers, the filter and the counts. */
    public record ListPage(AdminFrame frame, NewsletterService.SubscriberPage page) {

        /** The list of one status (null: all), keeping the search. */
        public String statusUrl(String status) {
            return url(status, page.filter().search(), null);
        }

        /** "page" for the status shown (null: all), else null, which leaves the attribute out. */
        public String current(String status) {
            return java.util.Objects.equals(status, page.filter().status()) ? "page" : null;
        }

        public String newerUrl() {
            return page.newerThan() == null ? null : url(page.filter().status(), page.filter().search(), "after=" + page.newerThan());
        }

        public String olderUrl() {
            return page.olderThan() == null ? null : url(page.filter().status(), page.filter().search(), "before=" + page.olderThan());
        }

        public String since(Subscriber subscriber) {
            return DateText.words(subscriber.createdAt());
        }

        private static String url(String status, String search, String position) {
            StringBuilder url = new StringBuilder("/admin/newsletter/subscribers/");
            String separator = "?";
            if (status != null) {
                url.append(separator).append("status=").append(status);
                separator = "&";
            }
            if (search != null) {
                url.append(separator).append("q=").append(java.net.URLEncoder.encode(search, StandardCharsets.UTF_8));
                separator = "&";
            }
            return position == null ? url.toString() : url.append(separator).append(position).toString();
        }
    }

    private final NewsletterService newsletter;
    private final AdminShell shell;
    private final AuditLog audit;

    NewsletterAdminRoutes(NewsletterService newsletter, AdminShell shell, AuditLog audit) {
        this.audit = audit;
        this.newsletter = newsletter;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/newsletter/", ctx -> render(ctx, 200, "", null, FormMessages.NONE), Action.MANAGE_NEWSLETTER);
        routes.get("/admin/newsletter/subscribers/", this::list, Action.MANAGE_NEWSLETTER);
        routes.post("/admin/newsletter/digest/", this::sendDigest, Action.MANAGE_NEWSLETTER);
        routes.get("/admin/newsletter/subscribers.csv", this::export, Action.MANAGE_NEWSLETTER);
        routes.post("/admin/newsletter/import/", this::importCsv, Action.MANAGE_NEWSLETTER);
    }

    private void list(Context ctx) {
        SubscriberFilter filter = SubscriberFilter.of(ctx.queryParam("status"), ctx.queryParam("q"));
        NewsletterService.SubscriberPage page = newsletter.subscribers(filter, id(ctx.queryParam("before")), id(ctx.queryParam("after")));
        shell.render(ctx, 200, "newsletter/subscribers.jte", new ListPage(
                shell.frame(ctx, "Subscribers", AdminShell.Section.NEWSLETTER), page));
    }

    private static Long id(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
    }

    private void sendDigest(Context ctx) {
        render(ctx, 200, "", null, FormMessages.notice(newsletter.sendDigest().message()));
    }

    /** Written as it is read, so a list of any length streams out in constant memory. */
    private void export(Context ctx) throws IOException {
        audit.record(RequestActor.of(ctx), AuditAction.DATA_EXPORTED, AuditObject.of("newsletter-subscribers", null).withDetail("CSV"));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        newsletter.exportCsv(out);
    }

    private void importCsv(Context ctx) throws IOException {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        NewsletterService.ImportResult result;
        String pasted = "";
        if (file != null && file.size() > 0) {
            // Jetty keeps a large upload on disk; it is read a line at a time from there.
            try (Reader in = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
                result = newsletter.importCsv(in);
            }
        } else {
            pasted = ctx.formParam("csv") == null ? "" : ctx.formParam("csv");
            result = newsletter.importCsv(new StringReader(pasted));
        }
        if (!result.importedAny()) {
            render(ctx, 422, pasted.length() > 200_000 ? "" : pasted, result, result.badLines() > 0 ? FormMessages.NONE
                    : FormMessages.of(Invalid.of("csv", "There is no address to import. Paste lines such as name@example.org,confirmed.")));
            return;
        }
        render(ctx, 200, "", result, FormMessages.notice("Imported: " + result.added() + " added, " + result.changed()
                + " changed, " + result.unchanged() + " already on the list as they were, " + result.repeated()
                + " repeated further down the file. No email was sent."));
    }

    private void render(Context ctx, int status, String csv, NewsletterService.ImportResult report, FormMessages messages) {
        NewsletterService.Overview overview = newsletter.overview();
        shell.render(ctx, status, "newsletter/admin.jte", new AdminPage(
                shell.frame(ctx, "Newsletter", AdminShell.Section.NEWSLETTER), overview,
                overview.lastDigestAt() == null ? null : DateText.words(overview.lastDigestAt()),
                DateText.words(overview.nextPeriodStart()), csv, report, messages));
    }
}
