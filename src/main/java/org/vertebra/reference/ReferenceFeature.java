package org.vertebra.reference;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Reference look-ups (Crossref, PubMed) for the editor: the JSON endpoint, and the service the desk uses. */
public final class ReferenceFeature implements Feature {

    private final ReferenceService references;
    private final ReferenceRoutes routes;

    /** @param lookups Crossref and PubMed as the site is configured to ask them (the same the retraction check asks) */
    public ReferenceFeature(ReferenceLookup lookups) {
        this.references = new ReferenceService(lookups);
        this.routes = new ReferenceRoutes(references);
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        routes.register(config);
    }

    public ReferenceService service() {
        return references;
    }
}
