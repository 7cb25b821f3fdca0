package org.vertebra.app;

import io.javalin.config.RoutesConfig;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Feature;

/** The admin's dashboard at {@code /admin/}, which the admin's frame draws from what the features add to it. */
final class AdminDashboard implements Feature {

    private final AdminShell shell;

    AdminDashboard(AdminShell shell) {
        this.shell = shell;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public void routes(RoutesConfig routes) {
        shell.register(routes);
    }
}
