package org.vertebra.monitor;

import io.javalin.config.RoutesConfig;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** {@code /healthz} and {@code /metrics}, for the load balancer and the operator's scraper. */
public final class MonitorFeature implements Feature {

    private final MonitorRoutes routes;

    public MonitorFeature(HealthCheck health, SiteMetrics metrics) {
        this.routes = new MonitorRoutes(health, metrics);
    }

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        routes.register(config);
    }
}
