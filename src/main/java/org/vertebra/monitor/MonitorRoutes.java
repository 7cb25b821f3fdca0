package org.vertebra.monitor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.vertebra.web.Role;

/**
 * {@code /healthz} for load balancers and {@code /metrics} for Prometheus. Metrics answer only a
 * scraper on this machine or its private network that reaches the node directly: a request that
 * came through a proxy (it carries X-Forwarded-For) is refused, so the public never sees them.
 */
final class MonitorRoutes {

    private final HealthCheck health;
    private final SiteMetrics metrics;

    MonitorRoutes(HealthCheck health, SiteMetrics metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/healthz", this::health, Role.ANYONE);
        routes.get("/metrics", this::metrics, Role.ANYONE);
    }

    private void health(Context ctx) {
        HealthCheck.Health now = health.check();
        ctx.status(now.canServe() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .json(new HealthReport(now));
    }

    /**
     * What /healthz answers: {@code {"status":"ok","database":"up","migration":"13","index":"ready"}}.
     * The status is "starting" while only the start's background work (the search index) is left,
     * so an operator tells a node on its way up from one that is broken.
     */
    record HealthReport(String status, String database, String migration, String expectedMigration, String index) {
        HealthReport(HealthCheck.Health health) {
            this(health.canServe() ? "ok" : health.isStarting() ? "starting" : "unavailable", health.database() ? "up" : "down",
                    health.migration(), health.expectedMigration(), health.index() ? "ready" : "building");
        }
    }

    private void metrics(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null || !isPrivate(ctx.req().getRemoteAddr())) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                    .result("Metrics are served to scrapers on the node's own network only.\n");
            return;
        }
        ctx.header("Cache-Control", "no-store")
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape());
    }

    private static boolean isPrivate(String address) {
        try {
            InetAddress remote = InetAddress.getByName(address); // a literal address: no look-up
            return remote.isLoopbackAddress() || remote.isSiteLocalAddress() || remote.isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
