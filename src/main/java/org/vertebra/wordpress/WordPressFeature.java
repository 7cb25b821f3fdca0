package org.vertebra.wordpress;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The addresses of the WordPress site this one replaced: {@code /?p=ID} and the like, and old paths not found. */
public final class WordPressFeature implements Feature {

    private final WordPressRoutes routes;

    public WordPressFeature(LegacyUrls legacyUrls) {
        this.routes = new WordPressRoutes(legacyUrls);
    }

    @Override
    public String name() {
        return "wordpress";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        routes.register(config);
    }

    /** Redirects a path not found that the WordPress site had; false when it had none. */
    public boolean redirectNotFound(Context ctx) {
        return routes.redirectNotFound(ctx);
    }
}
