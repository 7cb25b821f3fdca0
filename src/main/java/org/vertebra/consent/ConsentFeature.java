package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Consent: the reader's choices and the banner's script, the admin's record of consents and the policy's settings. */
public final class ConsentFeature implements Feature {

    private final ConsentRoutes routes;
    private final ConsentAdminRoutes admin;
    private final ConsentSettingsRoutes settings;
    private final ConsentScriptRoutes script;

    public ConsentFeature(ConsentService consent, ConsentSettings consentSettings, AuditLog audit, WebParts web) {
        this.routes = new ConsentRoutes(consent, web.frames(), web.templates(), web.baseUrl());
        this.admin = new ConsentAdminRoutes(consent, web.adminShell(), audit);
        this.settings = new ConsentSettingsRoutes(consentSettings, web.adminShell(), audit);
        this.script = new ConsentScriptRoutes(consentSettings);
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public void routes(RoutesConfig config) {
        routes.register(config);
        admin.register(config);
        settings.register(config);
        script.register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.PRIVACY);
    }
}
