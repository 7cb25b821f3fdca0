package org.vertebra.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vertebra.account.AccountFeature;
import org.vertebra.archive.ArchiveFeature;
import org.vertebra.article.ArticleFeature;
import org.vertebra.audit.AuditFeature;
import org.vertebra.author.AuthorFeature;
import org.vertebra.comment.CommentFeature;
import org.vertebra.comment.CommentSections;
import org.vertebra.consent.ConsentFeature;
import org.vertebra.consent.PolicySections;
import org.vertebra.consult.ConsultFeature;
import org.vertebra.contact.ContactFeature;
import org.vertebra.desk.DeskFeature;
import org.vertebra.feed.FeedFeature;
import org.vertebra.handout.HandoutFeature;
import org.vertebra.layout.PageSection;
import org.vertebra.mail.MailFeature;
import org.vertebra.media.MediaFeature;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.monitor.HealthCheck;
import org.vertebra.monitor.MonitorFeature;
import org.vertebra.monitor.SiteMetrics;
import org.vertebra.newsletter.NewsletterFeature;
import org.vertebra.privacy.PrivacyFeature;
import org.vertebra.privacy.PrivacyService;
import org.vertebra.reading.ReadingFeature;
import org.vertebra.redirect.RedirectFeature;
import org.vertebra.reference.ReferenceFeature;
import org.vertebra.search.SearchFeature;
import org.vertebra.settings.SettingsFeature;
import org.vertebra.stats.StatsFeature;
import org.vertebra.taxonomy.TaxonomyFeature;
import org.vertebra.trust.TrustFeature;
import org.vertebra.wordpress.WordPressFeature;

/**
 * The site's features on top of its services ({@link Site}), each built from what it needs, and
 * {@link #inOrder()} the order their routes are tried in. Literal addresses come first; a
 * language's archives and feeds after every literal address they could shadow; the one-segment
 * article route {@code /{slug}/} last, since it matches any one-segment path. The few features
 * the server itself calls on (the guard, the queues it drains in tests, the answers to a page not
 * found) are fields. The data-rights page answers for what every other feature says it keeps under
 * a person's address ({@link Feature#personalData()}), so it is built after them.
 */
final class Features {

    /**
     * The order in which the data-rights page, the export and the Privacy policy list what features
     * keep about a person: what they wrote, then what was sent to them, their appointments and
     * reading lists, and their requests for their data; a feature not named here comes after these,
     * in route order, so that its data is never left out, only listed last.
     */
    private static final List<String> ABOUT_A_PERSON = List.of("comment", "newsletter", "contact", "mail", "consult",
            "reading", "privacy");

    final StatsFeature stats;
    final SearchFeature search;
    final MediaFeature media;
    final AccountFeature account;
    final MailFeature mail;
    final WordPressFeature wordpress;
    final RedirectFeature redirect;
    final PrivacyFeature privacy;
    private final List<Feature> inOrder;

    /**
     * @param policySections  the Policies page's generated sections, as the consent policy in force makes them
     * @param housekeepingRan whether the start's first housekeeping is done, which /healthz waits for
     */
    Features(Site site, WebParts web, SiteMetrics metrics, Supplier<List<PageSection>> policySections,
             java.util.function.BooleanSupplier housekeepingRan) {
        this.stats = new StatsFeature(site.stats, web);
        this.search = new SearchFeature(site.settings.dataDir(), site.articles, site.taxonomy,
                stats.recorder()::searchFoundNothing, web);
        HealthCheck health = new HealthCheck(site.database::isReachable, () -> site.database.appliedMigration().getVersion(),
                org.vertebra.data.Database.latestMigration().getVersion(), search::isReady, housekeepingRan);
        this.media = new MediaFeature(site.mediaStore, site.media, site.mediaRemoval, web);
        this.account = new AccountFeature(site.accounts, site.outbox, site.audit, site.siteSettings::twoFactorRequired, web);
        this.mail = new MailFeature(site.database.jdbi(), site.outbox, site.mail,
                java.time.Duration.ofSeconds(site.settings.mail().claimSeconds()), site.audit, web);
        ReferenceFeature reference = new ReferenceFeature(site.settings.crossrefUrl(), site.settings.pubmedUrl(), web);
        this.wordpress = new WordPressFeature(site.legacyUrls);
        this.redirect = new RedirectFeature(site.redirects, web);
        ArchiveFeature archive = new ArchiveFeature(site.articles, site.cards, site.taxonomy, site.authors, site.media, web);
        FeedFeature feed = new FeedFeature(site.articles, site.authors, site.taxonomy, web);
        CommentSections discussion = new CommentSections(site.comments, site.formGuard, web.frames()::text, web.frames()::contentGeneration);
        ArticleFeature article = new ArticleFeature(site.articles, site.cards, site.authors, site.media, discussion,
                archive::languageHome, Map.of(PolicySections.PAGE_SLUG, policySections), web);
        List<Feature> beforePrivacy = List.of(
                new MonitorFeature(health, metrics),
                media,
                new AdminDashboard(web.adminShell()),
                account,
                mail,
                new DeskFeature(site.desk, site.autosaves, site.articleWriter, site.authors, site.taxonomy, site.renderer,
                        reference.service(), site.glossaries, site.retractions, site.database.jdbi(), site.audit, web),
                new SettingsFeature(site.siteSettings, site.audit, web),
                new TrustFeature(site.trustSettings, site.articles::countPublishedAboveGrade, site.audit, web),
                new TaxonomyFeature(site.menus, site.categories, web),
                new AuthorFeature(site.authors, site.media, site.accounts, web),
                new NewsletterFeature(site.newsletter, site.articles, site.formGuard, site.audit, web),
                new ContactFeature(site.contact, site.articles, site.formGuard, web),
                new ConsultFeature(site.consult, site.accounts, site.articles, site.formGuard, site.audit, web),
                new ReadingFeature(site.reading, (consultation, user) -> site.consult.agenda()
                        .bookingOpenTo(consultation, user).map(org.vertebra.consult.Booking::email), web),
                new ConsentFeature(site.consent, site.consentSettings, site.audit, web));
        List<Feature> afterPrivacy = List.of(
                wordpress, // WordPress's /?p=ID and the like, before the home page answers them
                archive,
                reference,
                search,
                stats,
                new AuditFeature(site.audit, web),
                redirect,
                feed,
                new HandoutFeature(site.articles, site.authors, site.media, web),
                new CommentFeature(site.comments, discussion, site.articles, article::render, web),
                archive.languages(),
                feed.languages(),
                article); // last: its pattern matches any one-segment path
        List<Feature> others = new ArrayList<>(beforePrivacy);
        others.addAll(afterPrivacy);
        this.privacy = new PrivacyFeature(privacyService(site, personalData(others)), site.formGuard, site.audit, web);
        List<Feature> all = new ArrayList<>(beforePrivacy);
        all.add(privacy);
        all.addAll(afterPrivacy);
        this.inOrder = List.copyOf(all);
    }

    /** What every feature keeps under a person's address, in the order of {@link #ABOUT_A_PERSON}. */
    private static List<PersonalDataSource> personalData(List<Feature> features) {
        List<PersonalDataSource> sources = new ArrayList<>();
        aboutAPerson(features).forEach(feature -> sources.addAll(feature.personalData()));
        return List.copyOf(sources);
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
}
