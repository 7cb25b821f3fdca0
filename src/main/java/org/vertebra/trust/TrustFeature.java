package org.vertebra.trust;

import io.javalin.config.RoutesConfig;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The trust policy's page in the admin: the evidence grade to publish, the default disclosure. */
public final class TrustFeature implements Feature {

    private final TrustSettings settings;
    private final PublishedGrades grades;
    private final AuditLog audit;

    public TrustFeature(TrustSettings settings, PublishedGrades grades, AuditLog audit) {
        this.settings = settings;
        this.grades = grades;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new TrustAdminRoutes(settings, grades, web.adminShell(), audit).register(config);
    }
}
