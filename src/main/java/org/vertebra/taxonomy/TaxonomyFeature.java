package org.vertebra.taxonomy;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Menus and categories in the admin. */
public final class TaxonomyFeature implements Feature {

    private final MenuAdminRoutes menus;
    private final CategoryAdminRoutes categories;

    public TaxonomyFeature(MenuService menus, CategoryService categories, WebParts web) {
        this.menus = new MenuAdminRoutes(menus, categories, web.adminShell());
        this.categories = new CategoryAdminRoutes(categories, web.adminShell());
    }

    @Override
    public String name() {
        return "taxonomy";
    }

    @Override
    public void routes(RoutesConfig routes) {
        menus.register(routes);
        categories.register(routes);
    }
}
