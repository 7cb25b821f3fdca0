package org.vertebra.privacy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.layout.DateText;

/** /admin/privacy/: people's requests for their data, newest first: when asked, exported, erased. */
public final class PrivacyAdminRoutes {

    public record Row(long id, String who, String askedText, String askedIso, String exportedText, String erasedText, Integer erasedRows) {
    }

    public record RequestsPage(AdminFrame frame, List<Row> requests, List<String> coveredTables) {
    }

    private final PrivacyService privacy;
    private final AdminShell shell;

    PrivacyAdminRoutes(PrivacyService privacy, AdminShell shell) {
        this.privacy = privacy;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/privacy/", this::list, Action.MANAGE_PRIVACY);
    }

    private void list(Context ctx) {
        List<Row> rows = privacy.recent().stream().map(r -> new Row(r.id(),
                r.email() != null ? r.email() : "erased (" + r.emailHash().substring(0, 10) + "\u2026)",
                DateText.words(r.createdAt()), DateText.iso(r.createdAt()), DateText.words(r.exportedAt()), DateText.words(r.erasedAt()),
                r.erasedRows())).toList();
        shell.render(ctx, 200, "privacy/admin.jte", new RequestsPage(shell.frame(ctx, "Privacy", AdminShell.Section.PRIVACY), rows,
                privacy.coveredTables()));
    }
}
