package org.vertebra.app;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The admin's dashboard at {@code /admin/}, which the admin's frame draws from what the features add to it. */
final class AdminDashboard implements Feature {

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public void routes(RoutesConfig routes, WebParts web) {
        web.adminShell().register(routes);
    }
}
