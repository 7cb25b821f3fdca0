package org.vertebra.wordpress;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Old WordPress addresses answer with a 301 to where the content is now: WordPress's query forms
 * at the root (before the home page answers), and any other path that no route answered (from
 * the 404 handler, so pages that exist never pay for a look-up).
 */
final class WordPressRoutes {

    private final LegacyUrls legacy;

    WordPressRoutes(LegacyUrls legacy) {
        this.legacy = legacy;
    }

    void register(RoutesConfig routes) {
        routes.before("/", this::rootQuery);
    }

    private void rootQuery(Context ctx) {
        if (ctx.queryString() == null || !ctx.method().name().equals("GET")) {
            return;
        }
        Optional<String> target = legacy.forRootQuery(ctx::queryParam);
        if (target.isPresent()) {
            ctx.redirect(target.get(), HttpStatus.MOVED_PERMANENTLY);
            ctx.skipRemainingHandlers();
        }
    }

    /** For the 404 handler: answers with a 301 when the path was a WordPress address; true when it did. */
    public boolean redirectNotFound(Context ctx) {
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            return false;
        }
        Optional<String> target = legacy.forPath(ctx.path());
        target.ifPresent(location -> ctx.status(HttpStatus.MOVED_PERMANENTLY).header("Location", location).result(""));
        return target.isPresent();
    }
}
