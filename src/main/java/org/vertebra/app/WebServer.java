package org.vertebra.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.admin.AdminShell;
import org.vertebra.consent.ConsentFeature;
import org.vertebra.data.ChangeNotifications;
import org.vertebra.data.ChangeWatcher;
import org.vertebra.data.Database;
import org.vertebra.layout.FrameService;
import org.vertebra.mail.OutboxSender;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;
import org.vertebra.monitor.RequestMetricsHandler;
import org.vertebra.stats.StatsRecorder;
import org.vertebra.web.CachedPageHandler;
import org.vertebra.web.ForwardedByTrustedProxy;
import org.vertebra.web.Html;
import org.vertebra.web.JsonAnswers;
import org.vertebra.web.PageCache;
import org.vertebra.web.StaticAssets;
import org.vertebra.web.Templates;

/**
 * The HTTP side: Javalin with the features' routes in the order {@link Features} lists them, static
 * assets, security headers, the trailing-slash rule and the error pages; the features' background
 * jobs run while it does.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Paths that are files or endpoints, so they are not redirected to a trailing slash. */
    private static final List<String> NO_SLASH_PREFIXES = List.of("/static/", "/media/", "/api/", "/healthz", "/metrics");

    /** How often a server looks for content changes made elsewhere (another process or node). */
    static final long CHANGE_POLL_MILLIS = 500;
    /** Room for the request line and headers: long enough for a 10 kB search, short enough to bound memory. */
    static final int REQUEST_HEADER_BYTES = 64 * 1024;
    static final int MAX_THREADS = 32;
    static final int MIN_THREADS = 4;
    /** Selector threads at most, each held for good out of the {@link #MAX_THREADS}. */
    static final int MAX_SELECTORS = 4;

    /** The site's CSS, scripts and icons, held in memory with their gzip forms and served beside cached pages. */
    private final StaticAssets staticAssets = StaticAssets.load("/static/css/site.css");
    private final Site site;
    private final Templates templates = new Templates();
    private final PageCache cache;
    private final ChangeWatcher watcher;
    private final ChangeNotifications notifications;
    private final FrameService frames;
    private final Features features;
    /** Which feature registered each route, for the route table. */
    private final Map<Endpoint, String> registeredBy = new IdentityHashMap<>();
    private final Javalin app;

    public WebServer(Site site) {
        this.site = site;
        this.features = site.features();
        this.cache = PageCache.from(System.getenv(), site.clock);
        this.frames = new FrameService(site.siteSettings::identity, site.settings.baseUrl(), site.taxonomy,
                () -> site.cards.of(site.articles.recent(5), 90), site.messages, features.consent::banner, site.clock);
        AdminShell adminShell = new AdminShell(frames::siteTitle, templates, adminSections(), site.clock);
        WebParts web = new WebParts(templates, frames, adminShell, cache, site.settings.baseUrl(), site.clock);
        this.watcher = new ChangeWatcher(site.changes, site.clock, site.articles::nextScheduledPublication);
        // The page frame, then the features (the consent policy among them), then the page cache: a page
        // rendered after the cache is emptied shows neither an old frame nor an old policy.
        watcher.onChange(version -> frames.contentChanged());
        features.inOrder().forEach(feature -> watcher.onChange(feature::contentChanged));
        watcher.onChange(cache::contentChanged);
        this.notifications = site.database.isPostgres()
                ? new ChangeNotifications(() -> Database.connect(site.settings.dbUrl(), site.settings.dbUser(),
                        site.settings.dbPassword()), watcher::check)
                : null;
        measure();
        StatsRecorder statsRecorder = features.stats.recorder();
        ConsentFeature consent = features.consent;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.router.ignoreTrailingSlashes = false;
            config.http.defaultContentType = Html.CONTENT_TYPE;
            config.jetty.threadPool = threadPool();
            // Cached pages and static files are answered before the servlet context, which would wrap
            // every request and response in servlet objects first; the request timer sits outside
            // them so that it times those too. These replace Javalin's StatisticsHandler, whose
            // figures nothing reads; Javalin puts its servlet context inside the innermost one.
            config.jetty.modifyServer(server -> server.setHandler(new RequestMetricsHandler(features.metrics,
                    new CachedPageHandler(cache, staticAssets, consent::securityHeaders, statsRecorder))));
            // A reader may paste a paragraph into the search box; 8 kB (Jetty's default) would answer 414.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
                // Behind a load balancer: the visitor's address and scheme, from the balancer only.
                http.addCustomizer(new ForwardedByTrustedProxy(site.settings.trustedProxies()));
            });
            config.jetty.addConnector((server, http) -> connector(server, http, site.settings.port()));
            config.jetty.multipartConfig = features.media.multipartConfig();
            config.routes.before(ctx -> consent.securityHeaders().forEach(ctx::header));
            config.routes.before(org.vertebra.web.RequestId::assign);
            config.routes.before(WebServer::addTrailingSlash);
            // Pages Javalin rendered (the cached ones are counted by CachedPageHandler): one enqueue each.
            config.routes.after(this::countView);
            for (Feature feature : features.inOrder()) {
                register(feature, web, config.routes, config.unsafe.internalRouter);
            }
            // Every matched route: its guard (Role.ANYONE or an account Action), and CSRF on state changes.
            config.routes.beforeMatched(features.account.access()::check);
            config.routes.error(404, this::notFound);
            config.routes.exception(Exception.class, this::failed);
        });
    }

    /** The admin's sections the features open, which its navigation lists. */
    private java.util.Set<AdminShell.Section> adminSections() {
        java.util.Set<AdminShell.Section> sections = java.util.EnumSet.noneOf(AdminShell.Section.class);
        features.inOrder().forEach(feature -> sections.addAll(feature.adminSections()));
        return sections;
    }

    /** Registers a feature's routes and notes them as its own. */
    private void register(Feature feature, WebParts web, RoutesConfig routes, InternalRouter router) {
        Set<Endpoint> before = Collections.newSetFromMap(new IdentityHashMap<>());
        router.allHttpHandlers().forEach(e -> before.add(e.endpoint));
        feature.routes(routes, web);
        router.allHttpHandlers().stream().map(e -> e.endpoint).filter(e -> !before.contains(e))
                .forEach(e -> registeredBy.put(e, feature.name()));
    }

    /**
     * Jetty's threads: enough for pages that wait on the database or a slow client, few enough that
     * two cores do not spend their time switching between them (Javalin's default grows to 250; under
     * 64 connections it ran 75). Cached pages hold a thread for microseconds.
     */
    private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
        org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(
                MAX_THREADS, MIN_THREADS, 60_000);
        pool.setName("jetty");
        return pool;
    }

    /**
     * The HTTP connector, with one selector thread per core (up to 4) where Jetty's default gives one
     * per two cores: cached pages are served on the selector threads themselves ({@link
     * CachedPageHandler} is non-blocking), so the selectors are what serves the busiest pages.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, int port) {
        int selectors = Math.max(1, Math.min(MAX_SELECTORS, Runtime.getRuntime().availableProcessors()));
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
        connector.setPort(port);
        return connector;
    }

    /**
     * Starts housekeeping (its first run at once: ended sessions are cleared) and bringing the search
     * index up to date, both in the background, starts watching for changes and sending mail, and
     * listens: pages answer before the index is current, and /healthz says "starting" until both are done.
     */
    public WebServer start() {
        features.start();
        watcher.start(CHANGE_POLL_MILLIS);
        if (notifications != null) {
            notifications.start();
        }
        app.start(site.settings.port());
        return this;
    }

    /** Waits for the start's background work (the search index, the first housekeeping); true when it is done and succeeded. */
    public boolean awaitStarted(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return features.housekeeping.awaitFirstRun(timeout)
                && features.search.awaitReady(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** The statistics' queue, for tests that count at once rather than at its next round. */
    public StatsRecorder statsRecorder() {
        return features.stats.recorder();
    }

    /** Redirect hits and pages not found, for tests that write them at once rather than at the next round. */
    public org.vertebra.redirect.RedirectRecorder redirectRecorder() {
        return features.redirect.recorder();
    }

    private void countView(Context ctx) {
        String type = ctx.res().getContentType();
        if (ctx.method() == io.javalin.http.HandlerType.GET && (ctx.statusCode() == 200 || ctx.statusCode() == 304) && type != null && type.startsWith("text/html")) {
            features.stats.recorder().viewed(org.vertebra.web.PageView.of(ctx.path(), ctx::header, ctx.ip()));
        }
    }

    /** The data-rights service, with the personal data every feature contributes; for tests. */
    public org.vertebra.privacy.PrivacyService privacy() {
        return features.privacy.service();
    }

    /** The outbox's sender, for tests that deliver at once rather than at its next round. */
    public OutboxSender mailSender() {
        return features.mail.sender();
    }

    /** Every route, in the order they are tried, with its guard and feature. */
    public java.util.List<RouteTable.Route> routes() {
        return RouteTable.of(app, registeredBy);
    }

    public int port() {
        return app.port();
    }

    /**
     * Takes in content changes at once (page cache and search index) rather than at the next poll;
     * for writers in this process, and tests.
     */
    public void refreshCache() {
        watcher.check();
        features.search.catchUp();
    }

    /** The features' gauges, and the page cache's counts (web/, not a feature). */
    private void measure() {
        features.inOrder().forEach(feature -> feature.gauges().forEach(
                gauge -> features.metrics.gauge(gauge.name(), gauge.description(), gauge.value())));
        features.metrics.counter("vertebra.page.cache.hits", "Pages served from the page cache", cache, PageCache::hits);
        features.metrics.counter("vertebra.page.cache.misses", "Pages rendered because the cache did not hold them", cache,
                PageCache::misses);
    }

    private void notFound(Context ctx) {
        if (features.wordpress.redirectNotFound(ctx)) {
            return; // an address of the WordPress site this one replaced
        }
        if (features.redirect.answerNotFound(ctx)) {
            return; // a redirect an editor made (and, when none, the miss is logged)
        }
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith("application/json")) {
            return; // a JSON endpoint's own 404 ("no such DOI") keeps its body
        }
        if (JsonAnswers.forApi(ctx)) {
            JsonAnswers.error(ctx, 404, "path", "There is no such address in the API; see the site's API guide.");
            return;
        }
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/media/")) {
            ctx.contentType("text/plain; charset=utf-8").result("Not found\n");
            return;
        }
        Html.send(ctx, 404, templates.render("error/404.jte", frames.frame(frames.siteText().get("error.404.title"), null, ctx.path())));
    }

    private void failed(Exception e, Context ctx) {
        LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
        if (JsonAnswers.forApi(ctx)) {
            JsonAnswers.error(ctx, 500, "body", "Something went wrong. Please try again shortly.");
            return;
        }
        try {
            Html.send(ctx, 500, templates.render("error/500.jte", frames.frame(frames.siteText().get("error.500.title"), null, ctx.path())));
        } catch (RuntimeException framing) {
            // The frame needs the database, which may be what failed.
            ctx.status(500).contentType("text/plain; charset=utf-8").result("Something went wrong. Please try again shortly.\n");
        }
    }

    /** WordPress addresses end in a slash; one without it answers 301 to the one with it. */
    private static void addTrailingSlash(Context ctx) {
        String path = ctx.path();
        if (path.endsWith("/") || NO_SLASH_PREFIXES.stream().anyMatch(path::startsWith)
                || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return;
        }
        String query = ctx.queryString();
        ctx.redirect(path + "/" + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
    }

    @Override
    public void close() {
        app.stop();
        if (notifications != null) {
            notifications.close();
        }
        watcher.close();
        // After the server stops, so that the last page views and redirect hits are written.
        features.close();
    }
}
