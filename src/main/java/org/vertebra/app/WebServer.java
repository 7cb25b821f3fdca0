package org.vertebra.app;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.account.Access;
import org.vertebra.account.AccountRoutes;
import org.vertebra.account.PasswordResetRoutes;
import org.vertebra.account.TwoFactorRoutes;
import org.vertebra.account.UserAdminRoutes;
import org.vertebra.admin.AdminShell;
import org.vertebra.archive.ArchiveRoutes;
import org.vertebra.article.ArticleRoutes;
import org.vertebra.author.AuthorAdminRoutes;
import org.vertebra.comment.CommentAdminRoutes;
import org.vertebra.comment.CommentRoutes;
import org.vertebra.comment.CommentSections;
import org.vertebra.consent.ConsentAdminRoutes;
import org.vertebra.consent.ConsentRoutes;
import org.vertebra.consent.ConsentScriptRoutes;
import org.vertebra.consent.ConsentSettingsRoutes;
import org.vertebra.consent.PolicySections;
import org.vertebra.consult.ConsultAdminRoutes;
import org.vertebra.consult.ConsultApiRoutes;
import org.vertebra.consult.ConsultRoutes;
import org.vertebra.consult.ReminderJob;
import org.vertebra.contact.ContactAdminRoutes;
import org.vertebra.contact.ContactRoutes;
import org.vertebra.data.ChangeNotifications;
import org.vertebra.data.ChangeWatcher;
import org.vertebra.data.Database;
import org.vertebra.desk.DeskRoutes;
import org.vertebra.desk.EvidenceOverview;
import org.vertebra.desk.EvidenceOverviewRoutes;
import org.vertebra.feed.FeedRoutes;
import org.vertebra.feed.FeedService;
import org.vertebra.handout.HandoutRoutes;
import org.vertebra.layout.FrameService;
import org.vertebra.mail.MailAdminRoutes;
import org.vertebra.mail.OutboxSender;
import org.vertebra.media.MediaAdminRoutes;
import org.vertebra.media.MediaRoutes;
import org.vertebra.monitor.HealthCheck;
import org.vertebra.monitor.MonitorRoutes;
import org.vertebra.monitor.RequestMetricsHandler;
import org.vertebra.monitor.SiteMetrics;
import org.vertebra.newsletter.NewsletterAdminRoutes;
import org.vertebra.newsletter.NewsletterRoutes;
import org.vertebra.privacy.PrivacyAdminRoutes;
import org.vertebra.privacy.PrivacyRoutes;
import org.vertebra.reference.ReferenceLookups;
import org.vertebra.reference.ReferenceRoutes;
import org.vertebra.reference.ReferenceService;
import org.vertebra.search.SearchIndex;
import org.vertebra.search.SearchIndexer;
import org.vertebra.search.SearchRoutes;
import org.vertebra.settings.SettingsRoutes;
import org.vertebra.stats.StatsAdminRoutes;
import org.vertebra.stats.StatsRecorder;
import org.vertebra.taxonomy.CategoryAdminRoutes;
import org.vertebra.taxonomy.MenuAdminRoutes;
import org.vertebra.trust.TrustAdminRoutes;
import org.vertebra.web.CachedPageHandler;
import org.vertebra.web.ForwardedByTrustedProxy;
import org.vertebra.web.Html;
import org.vertebra.web.PageCache;
import org.vertebra.web.Role;
import org.vertebra.web.SecurityHeaders;
import org.vertebra.web.StaticAssets;
import org.vertebra.web.Templates;
import org.vertebra.wordpress.WordPressRoutes;

/**
 * The HTTP side: Javalin with each feature's routes, static assets, security headers, the
 * trailing-slash rule and the error pages.
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

    /** The site's CSS, scripts and icons, held in memory with their gzip forms and served beside cached pages. */
    private final StaticAssets staticAssets = StaticAssets.load("/static/css/site.css");
    private final Site site;
    private final Templates templates = new Templates();
    private final PageCache cache;
    private final SiteMetrics metrics = new SiteMetrics();
    private final ChangeWatcher watcher;
    private final MediaRoutes mediaRoutes;
    private final FeedRoutes feedRoutes;
    private final HandoutRoutes handoutRoutes;
    private final EvidenceOverview evidenceOverview;
    private final ChangeNotifications notifications;
    private final SearchIndex searchIndex;
    private final SearchIndexer indexer;
    private final FrameService frames;
    private final AdminShell adminShell;
    private final Housekeeping housekeeping;
    private final OutboxSender mailSender;
    private final org.vertebra.newsletter.DigestQueue digestQueue;
    private final ReminderJob reminders;
    private final WordPressRoutes wordpressRoutes;
    private final StatsRecorder statsRecorder;
    private final org.vertebra.redirect.RedirectRecorder redirectRecorder;
    private final org.vertebra.redirect.RedirectRoutes redirectRoutes;
    private volatile java.util.List<org.vertebra.layout.PageSection> policySections;
    private volatile java.util.Map<String, String> securityHeaders;
    private final Javalin app;

    public WebServer(Site site) {
        this.site = site;
        this.cache = PageCache.from(System.getenv(), site.clock);
        this.searchIndex = SearchIndex.open(site.settings.dataDir().resolve("search-index"),
                site.settings.dataDir().resolve("synonyms.txt"));
        this.indexer = new SearchIndexer(searchIndex, site.articles, site.taxonomy, site.clock);
        site.articles.useRelatedFinder(searchIndex::related);
        this.mediaRoutes = new MediaRoutes(site.mediaStore);
        this.watcher = new ChangeWatcher(site.changes, site.clock, site.articles::nextScheduledPublication);
        this.frames = new FrameService(site.siteSettings::identity, site.settings.baseUrl(), site.taxonomy,
                () -> site.cards.of(site.articles.recent(5), 90), site.messages, site.clock);
        // The consent policy and the page frame first, so that no page rendered after the cache is emptied shows the old ones.
        watcher.onChange(version -> usePolicy(site.consentSettings.refresh()));
        watcher.onChange(version -> frames.contentChanged());
        watcher.onChange(cache::contentChanged);
        watcher.onChange(version -> site.redirects.contentChanged()); // a redirect changed on another node
        watcher.onChange(version -> indexer.contentChanged());
        watcher.onChange(version -> mediaRoutes.forgetAll()); // an image deleted on another node stops being served here
        this.feedRoutes = new FeedRoutes(new FeedService(site.articles, site.authors, site.taxonomy, frames::siteTitle,
                site.settings.baseUrl(), frames::text), cache, site.clock);
        watcher.onChange(feedRoutes::contentChanged); // the sitemap files are rendered again in the background
        this.handoutRoutes = new HandoutRoutes(site.articles, site.authors, site.media, frames::siteTitle,
                frames::text, site.settings.baseUrl(), templates, site.clock);
        watcher.onChange(handoutRoutes::contentChanged);
        this.evidenceOverview = new EvidenceOverview(site.articles, site.desk, site.retractions, site.database.jdbi(), site.clock);
        watcher.onChange(version -> evidenceOverview.contentChanged()); // its figures are worked out in the background
        site.mediaRemoval.onDeleted(mediaRoutes::forget);
        this.notifications = site.database.isPostgres()
                ? new ChangeNotifications(() -> Database.connect(site.settings.dbUrl(), site.settings.dbUser(),
                        site.settings.dbPassword()), watcher::check)
                : null;
        frames.useConsent(site.consentSettings::banner);
        usePolicy(site.consent.policy());
        this.statsRecorder = new StatsRecorder(site.stats);
        this.adminShell = new AdminShell(frames::siteTitle, templates, site.clock);
        this.housekeeping = new Housekeeping(site, metrics);
        // The SMTP server is asked for each round: a change in the admin's mail settings needs no restart.
        this.mailSender = new OutboxSender(site.database.jdbi(), site.mail::transport, site.clock,
                java.time.Duration.ofSeconds(site.settings.mail().claimSeconds()));
        site.outbox.onEnqueue(mailSender::wake);
        this.digestQueue = new org.vertebra.newsletter.DigestQueue(site.newsletter);
        site.newsletter.onDigestRecorded(digestQueue::wake);
        this.reminders = new ReminderJob(site.consult.jobs());
        Access access = new Access(site.accounts, adminShell, site.settings.baseUrl(), site.siteSettings::twoFactorRequired);
        measure();
        HealthCheck health = new HealthCheck(site.database::isReachable, () -> site.database.appliedMigration().getVersion(),
                Database.latestMigration().getVersion(), indexer::isReady, housekeeping::hasRunOnce);
        this.wordpressRoutes = new WordPressRoutes(site.legacyUrls);
        this.redirectRecorder = new org.vertebra.redirect.RedirectRecorder(site.redirects, site.clock);
        this.redirectRoutes = new org.vertebra.redirect.RedirectRoutes(site.redirects, redirectRecorder, adminShell, frames, templates);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.router.ignoreTrailingSlashes = false;
            config.http.defaultContentType = Html.CONTENT_TYPE;
            config.jetty.threadPool = threadPool();
            // Cached pages and static files are answered before the servlet context, which would wrap
            // every request and response in servlet objects first; the request timer sits outside
            // them so that it times those too. These replace Javalin's StatisticsHandler, whose
            // figures nothing reads; Javalin puts its servlet context inside the innermost one.
            config.jetty.modifyServer(server -> server.setHandler(new RequestMetricsHandler(metrics,
                    new CachedPageHandler(cache, staticAssets, () -> securityHeaders, statsRecorder))));
            // A reader may paste a paragraph into the search box; 8 kB (Jetty's default) would answer 414.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
                // Behind a load balancer: the visitor's address and scheme, from the balancer only.
                http.addCustomizer(new ForwardedByTrustedProxy(site.settings.trustedProxies()));
            });
            config.jetty.multipartConfig = MediaAdminRoutes.multipartConfig(site.media.limits());
            config.routes.before(ctx -> securityHeaders.forEach(ctx::header));
            config.routes.before(org.vertebra.web.RequestId::assign);
            config.routes.before(WebServer::addTrailingSlash);
            // Every matched route: its guard (Role.ANYONE or an account Action), and CSRF on state changes.
            config.routes.beforeMatched(access::check);
            new MonitorRoutes(health, metrics).register(config.routes);
            mediaRoutes.register(config.routes);
            // Pages Javalin rendered (the cached ones are counted by CachedPageHandler): one enqueue each.
            config.routes.after(this::countView);
            adminShell.register(config.routes);
            new AccountRoutes(site.accounts, access, adminShell, site.clock, site.audit).register(config.routes);
            new TwoFactorRoutes(site.accounts.twoFactor(), access, adminShell, site.clock, site.audit).register(config.routes);
            new UserAdminRoutes(site.accounts, adminShell, site.audit).register(config.routes);
            new PasswordResetRoutes(site.accounts, access, adminShell, site.outbox, site.settings.baseUrl(), frames::siteTitle,
                    site.clock, site.audit).register(config.routes);
            new MailAdminRoutes(mailSender, site.mail, adminShell).register(config.routes);
            new org.vertebra.mail.MailSettingsRoutes(site.mail, adminShell, site.audit).register(config.routes);
            ReferenceService references = new ReferenceService(ReferenceLookups.from(site.settings.crossrefUrl(),
                    site.settings.pubmedUrl(), site.settings.baseUrl(), site.clock));
            new DeskRoutes(site.desk, site.authors, site.taxonomy, site.renderer, references, site.glossaries, site.retractions,
                    adminShell, site.clock, evidenceOverview, site.autosaves, site.audit)
                    .register(config.routes);
            new SettingsRoutes(site.siteSettings, adminShell, site.audit).register(config.routes);
            new TrustAdminRoutes(site.trustSettings, site.articles::countPublishedAboveGrade, adminShell, site.audit).register(config.routes);
            new EvidenceOverviewRoutes(evidenceOverview, site.retractions, adminShell).register(config.routes);
            new MenuAdminRoutes(site.menus, site.categories, adminShell).register(config.routes);
            new CategoryAdminRoutes(site.categories, adminShell).register(config.routes);
            new AuthorAdminRoutes(site.authors, site.media, site.accounts, adminShell, site.settings.baseUrl())
                    .register(config.routes);
            new MediaAdminRoutes(site.media, site.mediaRemoval, adminShell).register(config.routes);
            new NewsletterAdminRoutes(site.newsletter, adminShell, site.audit).register(config.routes);
            new ContactAdminRoutes(site.contact, adminShell).register(config.routes);
            // Before ConsultAdminRoutes, whose /admin/consult/{id}/ would otherwise take /admin/consult/doctors/.
            new org.vertebra.consult.DoctorAdminRoutes(site.consult.agenda(), site.accounts, adminShell).register(config.routes);
            new org.vertebra.consult.DoctorDeskRoutes(site.consult.agenda(), adminShell).register(config.routes);
            new ConsultAdminRoutes(site.consult.agenda(), adminShell, site.clock, site.audit).register(config.routes);
            new org.vertebra.reading.ReadingAdminRoutes(site.reading, (consultation, user) -> site.consult.agenda()
                    .bookingOpenTo(consultation, user).map(org.vertebra.consult.Booking::email), adminShell).register(config.routes);
            new org.vertebra.reading.ReadingRoutes(site.reading, templates, frames::siteTitle).register(config.routes);
            // Readers' forms: per-visitor pages, outside the page cache; before the article catch-all.
            new NewsletterRoutes(site.newsletter, site.articles, site.formGuard, frames, templates).register(config.routes);
            new ConsentRoutes(site.consent, frames, templates, site.settings.baseUrl()).register(config.routes);
            new ConsentAdminRoutes(site.consent, adminShell, site.audit).register(config.routes);
            new ConsentSettingsRoutes(site.consentSettings, adminShell, site.audit).register(config.routes);
            new ConsentScriptRoutes(site.consentSettings).register(config.routes);
            new PrivacyRoutes(site.privacy, site.formGuard, frames, templates, site.audit).register(config.routes);
            new PrivacyAdminRoutes(site.privacy, adminShell).register(config.routes);
            new ContactRoutes(site.contact, site.articles, site.formGuard, frames, templates).register(config.routes);
            new ConsultRoutes(site.consult.bookings(), site.articles, site.formGuard, frames, templates, site.clock).register(config.routes);
            new ConsultApiRoutes(site.consult.bookings()).register(config.routes);
            // WordPress's /?p=ID and the like, before the home page answers them.
            wordpressRoutes.register(config.routes);
            ArchiveRoutes archiveRoutes = new ArchiveRoutes(site.articles, site.cards, site.taxonomy, site.authors, site.media,
                    frames, templates, cache);
            archiveRoutes.register(config.routes);
            new ReferenceRoutes(references).register(config.routes);
            new SearchRoutes(searchIndex, frames, templates, statsRecorder::searchFoundNothing).register(config.routes);
            new StatsAdminRoutes(site.stats, adminShell).register(config.routes);
            new org.vertebra.audit.AuditAdminRoutes(site.audit, adminShell).register(config.routes);
            redirectRoutes.register(config.routes);
            feedRoutes.register(config.routes);
            handoutRoutes.register(config.routes);
            CommentSections comments = new CommentSections(site.comments, site.formGuard, frames::text);
            ArticleRoutes articleRoutes = new ArticleRoutes(site.articles, site.cards, site.authors, site.media, frames, templates, cache, site.settings.baseUrl(), comments, archiveRoutes::languageHome);
            new CommentRoutes(site.comments, comments, site.articles, articleRoutes::render, frames, templates)
                    .register(config.routes);
            new CommentAdminRoutes(site.comments, site.articles, adminShell).register(config.routes);
            articleRoutes.addSections(PolicySections.PAGE_SLUG, () -> policySections);
            // A language's pages (/es/page/2/, /es/feed/): after every literal address they could shadow.
            archiveRoutes.registerLanguages(config.routes);
            feedRoutes.registerLanguages(config.routes);
            // Last: its pattern matches any one-segment path.
            articleRoutes.register(config.routes);
            config.routes.error(404, this::notFound);
            config.routes.exception(Exception.class, this::failed);
        });
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
     * What follows from the consent policy outside the page frame: the scripts' origins in the CSP,
     * the Policies page's sections in the site's language (read afresh: a change of language is a
     * content change too, and the frame service may still hold the old one).
     */
    private void usePolicy(org.vertebra.consent.ConsentPolicy policy) {
        this.securityHeaders = SecurityHeaders.allowingScripts(policy.scriptOrigins());
        this.policySections = PolicySections.of(policy, site.messages.of(site.siteSettings.identity().language()), templates);
    }

    /**
     * Starts housekeeping (its first run at once: ended sessions are cleared) and bringing the search
     * index up to date, both in the background, starts watching for changes and sending mail, and
     * listens: pages answer before the index is current, and /healthz says "starting" until both are done.
     */
    public WebServer start() {
        housekeeping.start();
        mailSender.start();
        digestQueue.start();
        reminders.start();
        statsRecorder.start();
        redirectRecorder.start();
        indexer.start();
        evidenceOverview.contentChanged(); // figures of articles changed while the server was down (an import)
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
        return housekeeping.awaitFirstRun(timeout)
                && indexer.awaitReady(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** The statistics' queue, for tests that count at once rather than at its next round. */
    public StatsRecorder statsRecorder() {
        return statsRecorder;
    }

    /** Redirect hits and pages not found, for tests that write them at once rather than at the next round. */
    public org.vertebra.redirect.RedirectRecorder redirectRecorder() {
        return redirectRecorder;
    }

    private void countView(Context ctx) {
        String type = ctx.res().getContentType();
        if (ctx.method() == io.javalin.http.HandlerType.GET && (ctx.statusCode() == 200 || ctx.statusCode() == 304) && type != null && type.startsWith("text/html")) {
            statsRecorder.viewed(org.vertebra.web.PageView.of(ctx.path(), ctx::header, ctx.ip()));
        }
    }

    /** The outbox's sender, for tests that deliver at once rather than at its next round. */
    public OutboxSender mailSender() {
        return mailSender;
    }

    /** Every route, in the order they are tried, with its guard and feature. */
    public java.util.List<RouteTable.Route> routes() {
        return RouteTable.of(app);
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
        indexer.catchUp();
    }

    private void measure() {
        metrics.gauge("vertebra.outbox.waiting", "Mails in the outbox not yet sent", site.outbox::waiting);
        metrics.counter("vertebra.page.cache.hits", "Pages served from the page cache", cache, PageCache::hits);
        metrics.counter("vertebra.page.cache.misses", "Pages rendered because the cache did not hold them", cache,
                PageCache::misses);
    }

    private void notFound(Context ctx) {
        if (wordpressRoutes.redirectNotFound(ctx)) {
            return; // an address of the WordPress site this one replaced
        }
        if (redirectRoutes.answerNotFound(ctx)) {
            return; // a redirect an editor made (and, when none, the miss is logged)
        }
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith("application/json")) {
            return; // a JSON endpoint's own 404 ("no such DOI") keeps its body
        }
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/media/")) {
            ctx.contentType("text/plain; charset=utf-8").result("Not found\n");
            return;
        }
        Html.send(ctx, 404, templates.render("error/404.jte", frames.frame(frames.siteText().get("error.404.title"), null, ctx.path())));
    }

    private void failed(Exception e, Context ctx) {
        LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
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
        housekeeping.close();
        reminders.close();
        digestQueue.close();
        mailSender.close();
        statsRecorder.close();
        app.stop();
        redirectRecorder.close(); // after the server stops, so the last hits are written
        if (notifications != null) {
            notifications.close();
        }
        watcher.close();
        indexer.close();
        searchIndex.close();
    }
}
