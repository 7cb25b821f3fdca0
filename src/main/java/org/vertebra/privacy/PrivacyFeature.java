package org.vertebra.privacy;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/** A reader's or patient's data: the request for a copy or an erasure, and the admin's record of requests. */
public final class PrivacyFeature implements Feature {

    private final PrivacyService privacy;
    private final FormGuard guard;
    private final AuditLog audit;

    public PrivacyFeature(PrivacyService privacy, FormGuard guard, AuditLog audit) {
        this.privacy = privacy;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new PrivacyRoutes(privacy, guard, web.frames(), web.templates(), audit).register(config);
        new PrivacyAdminRoutes(privacy, web.adminShell()).register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.PRIVACY);
    }

    /** The data-rights service, for tests that hold the sources it answers for against the schema. */
    public PrivacyService service() {
        return privacy;
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.privacy");
    }
}
