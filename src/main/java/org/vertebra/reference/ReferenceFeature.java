package org.vertebra.reference;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** Reference look-ups (Crossref, PubMed) for the editor: the JSON endpoint, and the service the desk uses. */
public final class ReferenceFeature implements Feature {

    private final ReferenceService references;
    private final ReferenceRoutes routes;

    /** @param crossrefUrl, pubmedUrl the look-up services' addresses; blank for off */
    public ReferenceFeature(String crossrefUrl, String pubmedUrl, WebParts web) {
        this.references = new ReferenceService(ReferenceLookups.from(crossrefUrl, pubmedUrl, web.baseUrl(), web.clock()));
        this.routes = new ReferenceRoutes(references);
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void routes(RoutesConfig config) {
        routes.register(config);
    }

    public ReferenceService service() {
        return references;
    }
}
