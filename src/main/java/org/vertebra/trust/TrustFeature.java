package org.vertebra.trust;

import io.javalin.config.RoutesConfig;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The trust policy's page in the admin: the evidence grade to publish, the default disclosure. */
public final class TrustFeature implements Feature {

    private final TrustAdminRoutes routes;

    public TrustFeature(TrustSettings settings, PublishedGrades grades, AuditLog audit, WebParts web) {
        this.routes = new TrustAdminRoutes(settings, grades, web.adminShell(), audit);
    }

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public void routes(RoutesConfig config) {
        routes.register(config);
    }
}
