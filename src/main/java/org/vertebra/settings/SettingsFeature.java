package org.vertebra.settings;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The site's settings page in the admin. */
public final class SettingsFeature implements Feature {

    private final SiteSettings settings;
    private final AuditLog audit;

    public SettingsFeature(SiteSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new SettingsRoutes(settings, web.adminShell(), audit).register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.SETTINGS);
    }
}
