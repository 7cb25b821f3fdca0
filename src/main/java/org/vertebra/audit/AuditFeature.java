package org.vertebra.audit;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The audit log's pages in the admin (the log itself is kept by the features that record into it). */
public final class AuditFeature implements Feature {

    private final AuditAdminRoutes routes;

    public AuditFeature(AuditLog audit, WebParts web) {
        this.routes = new AuditAdminRoutes(audit, web.adminShell());
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void routes(RoutesConfig config) {
        routes.register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.AUDIT);
    }
}
