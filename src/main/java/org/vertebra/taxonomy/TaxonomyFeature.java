package org.vertebra.taxonomy;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Menus and categories in the admin. */
public final class TaxonomyFeature implements Feature {

    private final MenuService menus;
    private final CategoryService categories;

    public TaxonomyFeature(MenuService menus, CategoryService categories) {
        this.menus = menus;
        this.categories = categories;
    }

    @Override
    public String name() {
        return "taxonomy";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new MenuAdminRoutes(menus, categories, web.adminShell()).register(config);
        new CategoryAdminRoutes(categories, web.adminShell()).register(config);
    }
}
