package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.vertebra.web.Role;

/**
 * /consent/scripts/ID-HASH.js: a snippet of code the site owner pasted in the admin, served as a
 * script of this site, so that it runs under the Content-Security-Policy's 'self' and only when the
 * consent script loads it. The hash in the name changes with the code, so browsers may keep each for long.
 */
final class ConsentScriptRoutes {

    private final ConsentSettings settings;

    ConsentScriptRoutes(ConsentSettings settings) {
        this.settings = settings;
    }

    void register(RoutesConfig routes) {
        routes.get(OptionalScript.SERVED_PATH + "{file}", this::script, Role.ANYONE);
    }

    private void script(Context ctx) {
        String file = ctx.pathParam("file");
        OptionalScript script = settings.policy().scripts().stream()
                .filter(s -> s.code() != null && s.fileName().equals(file)).findFirst()
                .orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType("text/javascript; charset=utf-8").result(script.code());
    }
}
