package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.audit.RequestActor;

/** /admin/privacy/consent/: the consent log, newest first, and all of it as CSV for a regulator or an auditor. */
public final class ConsentAdminRoutes {

    public record Row(String consentId, String time, String timeIso, int policyVersion, String categories, boolean privacySignal,
                      String addressHash) {
    }

    public record LogPage(AdminFrame frame, int policyVersion, int total, List<Row> rows) {
    }

    private final ConsentService consent;
    private final AdminShell shell;
    private final AuditLog audit;

    ConsentAdminRoutes(ConsentService consent, AdminShell shell, AuditLog audit) {
        this.audit = audit;
        this.consent = consent;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/privacy/consent/", this::log, Action.MANAGE_PRIVACY);
        routes.get("/admin/privacy/consent.csv", this::export, Action.MANAGE_PRIVACY);
    }

    private void log(Context ctx) {
        List<Row> rows = consent.recent().stream().map(r -> new Row(r.consentId(),
                r.createdAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", " UTC"), r.createdAt().toString(),
                r.policyVersion(), r.categories().replace("+", ", ").replace("-", "none"), r.privacySignal(), r.addressHash())).toList();
        shell.render(ctx, 200, "consent/admin.jte", new LogPage(shell.frame(ctx, "Consent log", AdminShell.Section.PRIVACY),
                consent.policy().version(), consent.count(), rows));
    }

    private void export(Context ctx) {
        audit.record(RequestActor.of(ctx), AuditAction.DATA_EXPORTED, AuditObject.of("consent-log", null).withDetail("CSV"));
        StringBuilder csv = new StringBuilder("consent_id,time_utc,policy_version,optional_categories,privacy_signal,address_hash\r\n");
        consent.forEach(r -> csv.append(r.consentId()).append(',').append(r.createdAt()).append(',').append(r.policyVersion())
                .append(',').append(r.categories()).append(',').append(r.privacySignal()).append(',').append(r.addressHash())
                .append("\r\n"));
        ctx.header("Cache-Control", "no-store").contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"consent-log.csv\"").result(csv.toString());
    }
}
