package org.vertebra.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vertebra.account.AccountFeature;
import org.vertebra.article.Article;
import org.vertebra.archive.ArchiveFeature;
import org.vertebra.article.ArticleFeature;
import org.vertebra.audit.AuditFeature;
import org.vertebra.author.AuthorFeature;
import org.vertebra.comment.CommentFeature;
import org.vertebra.consent.ConsentFeature;
import org.vertebra.consent.PolicySections;
import org.vertebra.consult.ConsultFeature;
import org.vertebra.contact.ContactFeature;
import org.vertebra.desk.DeskFeature;
import org.vertebra.feed.FeedFeature;
import org.vertebra.handout.HandoutFeature;
import org.vertebra.mail.MailFeature;
import org.vertebra.media.MediaFeature;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.Chore;
import org.vertebra.module.Job;
import org.vertebra.monitor.HealthCheck;
import org.vertebra.monitor.MonitorFeature;
import org.vertebra.monitor.SiteMetrics;
import org.vertebra.newsletter.NewsletterFeature;
import org.vertebra.privacy.PrivacyFeature;
import org.vertebra.privacy.PrivacyService;
import org.vertebra.reading.ReadingFeature;
import org.vertebra.spam.SpamFeature;
import org.vertebra.layout.CommentSection;
import org.vertebra.redirect.RedirectFeature;
import org.vertebra.reference.ReferenceFeature;
import org.vertebra.search.SearchFeature;
import org.vertebra.settings.SettingsFeature;
import org.vertebra.stats.StatsFeature;
import org.vertebra.taxonomy.TaxonomyFeature;
import org.vertebra.trust.TrustFeature;
import org.vertebra.wordpress.WordPressFeature;

/**
 * The site's features, each built from the services it needs ({@link Site} builds them once, for a
 * server), and {@link #inOrder()} the order their routes are tried in. Literal addresses come first;
 * a language's archives and feeds after every literal address they could shadow; the one-segment
 * article route {@code /{slug}/} last, since it matches any one-segment path. The few features the
 * server itself calls on (the guard, the policy's headers, the queues it drains in tests, the
 * answers to a page not found) are fields. The data-rights page answers for what every other
 * feature says it keeps under a person's address ({@link Feature#personalData()}), so it is built
 * after them; the hourly housekeeping runs what every feature gives it to do ({@link Feature#chores()}).
 */
final class Features implements AutoCloseable {

    /**
     * The order in which the data-rights page, the export and the Privacy policy list what features
     * keep about a person: what they wrote, then what was sent to them, their appointments and
     * reading lists, and their requests for their data; a feature not named here comes after these,
     * in route order, so that its data is never left out, only listed last.
     */
    private static final List<String> ABOUT_A_PERSON = List.of("comment", "newsletter", "contact", "mail", "consult",
            "reading", "privacy");

    final SiteMetrics metrics = new SiteMetrics();
    final StatsFeature stats;
    final SearchFeature search;
    final MediaFeature media;
    final AccountFeature account;
    final MailFeature mail;
    final WordPressFeature wordpress;
    final RedirectFeature redirect;
    final ConsentFeature consent;
    final PrivacyFeature privacy;
    final Housekeeping housekeeping;
    private final ArticleFeature article;
    private final List<Feature> inOrder;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Features(Site site) {
        var jdbi = site.database.jdbi();
        this.stats = new StatsFeature(site.stats);
        this.search = new SearchFeature(site.settings.dataDir(), site.articles, site.taxonomy,
                stats.recorder()::searchFoundNothing, site.clock);
        this.media = new MediaFeature(site.mediaStore, site.media, site.mediaRemoval);
        this.account = new AccountFeature(site.accounts, site.outbox, site.audit, site.siteSettings::twoFactorRequired);
        this.mail = new MailFeature(jdbi, site.outbox, site.mail, java.time.Duration.ofSeconds(site.settings.mail().claimSeconds()),
                site.audit, site.clock);
        ReferenceFeature reference = new ReferenceFeature(site.referenceLookups);
        this.wordpress = new WordPressFeature(site.legacyUrls);
        this.redirect = new RedirectFeature(site.redirects, site.clock);
        this.consent = new ConsentFeature(site.consent, site.consentSettings, site.audit,
                () -> site.messages.of(site.siteSettings.identity().language()), this::heldData);
        ArchiveFeature archive = new ArchiveFeature(site.articles, site.cards, site.taxonomy, site.authors, site.media);
        FeedFeature feed = new FeedFeature(site.articles, site.authors, site.taxonomy);
        CommentFeature comment = new CommentFeature(site.comments, site.formGuard, site.messages::of, site.articles,
                this::articlePage);
        this.article = new ArticleFeature(site.articles, site.cards, site.authors, site.media, comment.discussion(),
                archive::languageHome, Map.of(PolicySections.PAGE_SLUG, consent::policySections));
        List<Feature> beforePrivacy = List.of(
                media,
                new AdminDashboard(),
                account,
                mail,
                new DeskFeature(site.desk, site.autosaves, site.articleWriter, site.authors, site.taxonomy, site.renderer,
                        reference.service(), site.glossaries, site.retractions, jdbi, site.audit, site.clock),
                new SettingsFeature(site.siteSettings, site.audit),
                new TrustFeature(site.trustSettings, site.articles::countPublishedAboveGrade, site.audit),
                new TaxonomyFeature(site.menus, site.categories),
                new AuthorFeature(site.authors, site.media, site.accounts),
                new NewsletterFeature(site.newsletter, site.articles, site.formGuard, site.audit),
                new ContactFeature(site.contact, site.articles, site.formGuard),
                new ConsultFeature(site.consult, site.accounts, site.articles, site.formGuard, site.audit),
                new ReadingFeature(site.reading, (consultation, user) -> site.consult.agenda()
                        .bookingOpenTo(consultation, user).map(org.vertebra.consult.Booking::email)),
                consent);
        List<Feature> afterPrivacy = List.of(
                wordpress, // WordPress's /?p=ID and the like, before the home page answers them
                archive,
                reference,
                search,
                stats,
                new AuditFeature(site.audit, Housekeeping.EVERY, site.clock),
                redirect,
                feed,
                new HandoutFeature(site.articles, site.authors, site.media),
                comment,
                new SpamFeature(site.formGuard),
                archive.languages(),
                feed.languages(),
                article); // last: its pattern matches any one-segment path
        List<Feature> others = new ArrayList<>(beforePrivacy);
        others.addAll(afterPrivacy);
        this.privacy = new PrivacyFeature(privacyService(site, personalData(others)), site.formGuard, site.audit);
        others.add(privacy);
        this.housekeeping = new Housekeeping(site.leases, chores(others), metrics);
        HealthCheck health = new HealthCheck(site.database::isReachable, () -> site.database.appliedMigration().getVersion(),
                org.vertebra.data.Database.latestMigration().getVersion(), search::isReady, housekeeping::hasRunOnce);
        List<Feature> all = new ArrayList<>();
        all.add(new MonitorFeature(health, metrics));
        all.addAll(beforePrivacy);
        all.add(privacy);
        all.addAll(afterPrivacy);
        this.inOrder = List.copyOf(all);
    }

    /** An article's page with a given comment section: the comment feature shows it when it refuses a comment. */
    private byte[] articlePage(Article article, CommentSection comments) {
        return this.article.render(article, comments);
    }

    /** What every feature keeps under a person's address, in the order of {@link #ABOUT_A_PERSON}. */
    private static List<PersonalDataSource> personalData(List<Feature> features) {
        List<PersonalDataSource> sources = new ArrayList<>();
        aboutAPerson(features).forEach(feature -> sources.addAll(feature.personalData()));
        return List.copyOf(sources);
    }

    /** Every feature's chores, in route order. */
    private static List<Chore> chores(List<Feature> features) {
        List<Chore> chores = new ArrayList<>();
        features.forEach(feature -> chores.addAll(feature.chores()));
        return chores;
    }

    /** The message keys of the Privacy policy's lines on what the features keep about a person. */
    List<String> heldData() {
        List<String> keys = new ArrayList<>();
        aboutAPerson(inOrder).forEach(feature -> keys.addAll(feature.heldData()));
        return List.copyOf(keys);
    }

    private static List<Feature> aboutAPerson(List<Feature> features) {
        List<Feature> listed = new ArrayList<>(features);
        listed.sort(java.util.Comparator.comparingInt(feature -> {
            int at = ABOUT_A_PERSON.indexOf(feature.name());
            return at < 0 ? ABOUT_A_PERSON.size() : at;
        }));
        return listed;
    }

    private static PrivacyService privacyService(Site site, List<PersonalDataSource> personalData) {
        var jdbi = site.database.jdbi();
        return new PrivacyService(jdbi, site.transactor, site.outbox, site.formGuard,
                new SiteState(jdbi).secret(SiteState.PRIVACY_SECRET), personalData,
                () -> site.siteSettings.identity().title(),
                () -> site.messages.of(site.siteSettings.identity().language()), site.settings.baseUrl(), site.clock);
    }

    /** Every feature, in the order its routes are tried. */
    List<Feature> inOrder() {
        return inOrder;
    }

    /** Starts housekeeping (its first run at once, in the background) and every feature's jobs. */
    void start() {
        housekeeping.start();
        inOrder.forEach(feature -> feature.jobs().forEach(Job::start));
    }

    /** Stops housekeeping and every feature's jobs (once: the server and the site may both ask). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            housekeeping.close();
            inOrder.forEach(feature -> feature.jobs().forEach(Job::close));
        }
    }
}
