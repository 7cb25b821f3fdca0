package org.vertebra.app;

import java.time.Clock;
import org.vertebra.account.AccountService;
import org.vertebra.account.PasswordHasher;
import org.vertebra.article.ArticleCards;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.comment.CommentService;
import org.vertebra.consent.ConsentService;
import org.vertebra.consent.ConsentSettings;
import org.vertebra.consult.ConsultServices;
import org.vertebra.consult.HealthDataCipher;
import org.vertebra.contact.ContactService;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Database;
import org.vertebra.data.JobLeases;
import org.vertebra.data.Transactor;
import org.vertebra.desk.EditorialDesk;
import org.vertebra.importer.DemoSite;
import org.vertebra.importer.ImportReport;
import org.vertebra.importer.MarkdownImporter;
import org.vertebra.mail.Outbox;
import org.vertebra.media.DatabaseMediaStore;
import org.vertebra.media.MediaFolder;
import org.vertebra.media.MediaLibrary;
import org.vertebra.media.MediaLimits;
import org.vertebra.media.MediaStore;
import org.vertebra.newsletter.NewsletterService;
import org.vertebra.readability.Glossaries;
import org.vertebra.reference.ReferenceLookups;
import org.vertebra.retraction.RetractionCheck;
import org.vertebra.retraction.RetractionService;
import org.vertebra.settings.SiteSettings;
import org.vertebra.spam.BlockList;
import org.vertebra.spam.FormGuard;
import org.vertebra.stats.StatsService;
import org.vertebra.taxonomy.CategoryService;
import org.vertebra.taxonomy.MenuService;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.PublishRule;
import org.vertebra.trust.TrustSettings;
import org.vertebra.wordpress.LegacyUrls;
import org.vertebra.wordpress.WordPressImporter;

/**
 * The composition root: the services of one Vertebra site, wired by their constructors in the order
 * they depend on each other, and, for a server, the site's features built on them ({@link #features()}).
 * Commands build a site, use its services and close it; they never build the features.
 */
public final class Site implements AutoCloseable {

    public final Settings settings;
    public final Clock clock;
    public final Database database;
    public final Transactor transactor;
    public final ContentChanges changes;
    public final JobLeases leases;
    public final MediaStore mediaStore;
    public final MediaLibrary media;
    public final org.vertebra.media.MediaRemoval mediaRemoval;
    public final AuthorService authors;
    public final TaxonomyService taxonomy;
    public final MenuService menus;
    public final CategoryService categories;
    public final SiteSettings siteSettings;
    /** The interface text of each language: the shipped bundles and the data folder's messages/ folder. */
    public final org.vertebra.language.MessageBundles messages;
    public final TrustSettings trustSettings;
    /** What readers may see of the articles: pages, archives, feeds, search, reading lists. */
    public final PublishedArticles articles;
    /** The articles as the desk, the editor and the importers write them, drafts and trash included. */
    public final ArticleWriter articleWriter;
    public final ArticleCards cards;
    public final MarkdownImporter importer;
    public final AccountService accounts;
    public final EditorialDesk desk;
    public final org.vertebra.desk.Autosaves autosaves;
    public final org.vertebra.pemat.PematService pemat;
    public final RetractionService retractions;
    public final Outbox outbox;
    /** The mail settings in force: the configuration's, else what an administrator stored. */
    public final org.vertebra.mail.MailConfiguration mail;
    public final FormGuard formGuard;
    public final CommentService comments;
    public final NewsletterService newsletter;
    public final ContactService contact;
    public final ConsultServices consult;
    public final ConsentSettings consentSettings;
    public final ConsentService consent;
    public final StatsService stats;
    public final org.vertebra.reading.ReadingService reading;
    public final MarkdownRenderer renderer;
    /**
     * The jargon finder's glossaries by language: the shipped English and Spanish ones with the
     * site's DATA/glossary.tsv, DATA/glossary-es.tsv, ... on top (English and Spanish read at start).
     */
    public final Glossaries glossaries;
    public final WordPressImporter wordpress;
    public final LegacyUrls legacyUrls;
    public final org.vertebra.redirect.RedirectService redirects;
    /** Security-relevant events, chained (audit/); features record into it where the event happens. */
    public final org.vertebra.audit.AuditLog audit;
    /** Crossref and PubMed, as configured: the editor's look-ups and the retraction check ask the same. */
    public final org.vertebra.reference.ReferenceLookup referenceLookups;
    private Features features;

    /**
     * The cookies and outside services Vertebra's own features set, each declared by its feature, in
     * the order the consent banner and the Cookie Policy list them.
     */
    static final java.util.List<org.vertebra.consent.CookieEntry> BUILT_IN_COOKIES = java.util.stream.Stream.of(
                    java.util.List.of(org.vertebra.consent.ConsentPolicy.CHOICE_COOKIE), org.vertebra.account.AccountFeature.COOKIES,
                    org.vertebra.stats.StatsFeature.COUNTING, org.vertebra.article.ArticleFeature.VIDEO_SERVICES)
            .flatMap(java.util.List::stream).toList();

    private Site(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        var jdbi = database.jdbi();
        this.transactor = new Transactor(jdbi);
        this.changes = new ContentChanges(jdbi, database.isPostgres());
        this.leases = new JobLeases(jdbi, clock);
        this.mediaStore = settings.mediaInDatabase() ? new DatabaseMediaStore(jdbi, clock) : new MediaFolder(settings.mediaDir());
        this.media = new MediaLibrary(jdbi, mediaStore, MediaLimits.ofMegabytes(settings.mediaMaxUploadMb()), clock);
        this.authors = new AuthorService(jdbi, transactor, changes, clock);
        this.taxonomy = new TaxonomyService(jdbi, clock);
        this.menus = new MenuService(jdbi, transactor, changes);
        this.categories = new CategoryService(jdbi, transactor, changes, clock);
        this.messages = new org.vertebra.language.MessageBundles(settings.dataDir().resolve("messages"));
        this.renderer = new MarkdownRenderer(messages);
        this.siteSettings = new SiteSettings(jdbi, transactor, changes, settings.siteTitle(), clock);
        this.trustSettings = new TrustSettings(siteSettings, transactor);
        this.glossaries = Glossaries.load(settings.dataDir());
        this.articleWriter = new ArticleWriter(jdbi, renderer, media.sizes(), changes, new PublishRule(trustSettings::policy),
                () -> siteSettings.identity().language(), clock);
        this.articles = new PublishedArticles(jdbi, changes, trustSettings::policy, () -> siteSettings.identity().language(), clock);
        this.mediaRemoval = new org.vertebra.media.MediaRemoval(jdbi, transactor, mediaStore, java.util.List.of(
                org.vertebra.media.MediaUses.of(articleWriter::mediaUses, articleWriter::releaseFeaturedImage),
                org.vertebra.media.MediaUses.of((id, urls) -> authors.photoUses(id), authors::releasePhoto)), changes);
        this.importer = new MarkdownImporter(transactor, articleWriter, authors, taxonomy, media, trustSettings);
        this.outbox = new Outbox(jdbi, clock);
        HealthDataCipher cipher = checkedCipher(settings, new SiteState(jdbi));
        this.accounts = new AccountService(jdbi, transactor, new PasswordHasher(PasswordHasher.OWASP), outbox,
                () -> siteSettings.identity().title(), cipher,
                () -> org.vertebra.access.SessionPolicy.from(siteSettings.values(org.vertebra.access.SessionPolicy.SETTINGS)), clock);
        // Keys and codes stored before they were sealed, or under a retired key, are sealed now.
        accounts.twoFactor().reseal();
        this.formGuard = new FormGuard(jdbi, new SiteState(jdbi).secret(SiteState.FORM_SECRET),
                BlockList.load(settings.dataDir().resolve("blocklist.txt")), clock);
        this.comments = new CommentService(jdbi, transactor, changes, articles, formGuard, outbox, siteSettings,
                settings.baseUrl(), messages::of, clock);
        this.cards = new ArticleCards(authors, media, comments::approvedCounts);
        this.newsletter = new NewsletterService(jdbi, transactor, outbox, formGuard, articles, leases,
                new SiteState(jdbi).secret(SiteState.NEWSLETTER_SECRET), () -> siteSettings.identity().title(),
                () -> messages.of(siteSettings.identity().language()), settings.baseUrl(), clock);
        this.audit = auditLog(settings, jdbi, clock);
        this.mail = mailConfiguration(settings.mail(), siteSettings, cipher);
        this.contact = new ContactService(jdbi, transactor, outbox, formGuard, () -> mail.current().contactAddress(),
                settings.baseUrl(), clock);
        this.consult = ConsultServices.of(jdbi, transactor, outbox, cipher,
                new org.vertebra.secret.HmacSigner(new SiteState(jdbi).secret(SiteState.CONSULT_SECRET)), settings.consult(),
                () -> siteSettings.identity().title(), settings.baseUrl(), clock, () -> settings.mail().from(),
                userId -> accounts.user(userId).filter(u -> !u.disabled()).map(org.vertebra.access.User::email), formGuard,
                messages, () -> siteSettings.identity().language());
        this.consentSettings = new ConsentSettings(jdbi, transactor, changes, BUILT_IN_COOKIES, clock).setUp(settings.dataDir());
        this.consent = new ConsentService(jdbi, consentSettings::policy, formGuard::hash, clock);
        this.stats = new StatsService(jdbi, transactor, consent, settings.baseUrl(), clock);
        this.reading = new org.vertebra.reading.ReadingService(jdbi, transactor, outbox, cipher,
                new SiteState(jdbi).secret(SiteState.READING_SECRET), articles,
                () -> org.vertebra.settings.ReadingExpiry.stored(siteSettings.value(org.vertebra.settings.ReadingExpiry.SETTING)),
                audit, () -> siteSettings.identity().title(), settings.baseUrl(), clock);
        this.pemat = new org.vertebra.pemat.PematService(jdbi, transactor, glossaries, clock);
        this.desk = new EditorialDesk(transactor, articleWriter, taxonomy, authors, media, accounts, pemat, clock);
        this.autosaves = new org.vertebra.desk.Autosaves(jdbi, desk, clock);
        this.referenceLookups = ReferenceLookups.from(settings.crossrefUrl(), settings.pubmedUrl(), settings.baseUrl(),
                contactAddress(settings.mail().from()), clock);
        this.retractions = new RetractionService(jdbi, RetractionCheck.with(referenceLookups, clock),
                articles, accounts, outbox, transactor, settings.baseUrl(), clock);
        desk.onSaved(article -> retractions.checkSoon(article.references()));
        this.wordpress = new WordPressImporter(jdbi, transactor, accounts, articleWriter, authors, taxonomy, categories, menus,
                media, comments, trustSettings, clock);
        this.legacyUrls = new LegacyUrls(jdbi, articles);
        this.redirects = new org.vertebra.redirect.RedirectService(jdbi, transactor, changes, articles::published, clock);
    }

    /**
     * The health data cipher, checked against the site: every server of a site must hold the same
     * key, or what one server encrypts another cannot read. The first server leaves a value sealed
     * under its key in the database; a server whose keys cannot open it refuses to start. After a
     * key change the value opens under a retired key still configured, and is sealed again under
     * the new one, so that a server without the new key is refused from then on.
     */
    private static HealthDataCipher checkedCipher(Settings settings, SiteState state) {
        HealthDataCipher cipher = HealthDataCipher.configured(settings.consult(), settings.dataDir());
        state.claim(SiteState.CONSULT_KEY_CHECK, cipher.encrypt(SiteState.CONSULT_KEY_CHECK, "vertebra"));
        String check = state.get(SiteState.CONSULT_KEY_CHECK).orElseThrow();
        try {
            cipher.decrypt(SiteState.CONSULT_KEY_CHECK, check);
        } catch (HealthDataCipher.Unreadable e) {
            throw new ConfigurationException("this server's consultation key is not the one the site's health data is "
                    + "encrypted with; give every server of the site the same VERTEBRA_CONSULT_KEY (or consult.key file), "
                    + "and after a key change the previous key in VERTEBRA_CONSULT_OLD_KEYS (or the consult.old-keys file)");
        }
        if (!cipher.isCurrent(check)) {
            state.replace(SiteState.CONSULT_KEY_CHECK, check, cipher.reseal(SiteState.CONSULT_KEY_CHECK, check));
        }
        return cipher;
    }

    /** The site's audit log, for commands that open only the database (backup, restore). */
    static org.vertebra.audit.AuditLog auditLog(Settings settings, org.jdbi.v3.core.Jdbi jdbi, Clock clock) {
        return new org.vertebra.audit.AuditLog(jdbi, auditKeys(settings, new SiteState(jdbi)),
                java.time.Period.ofYears(settings.auditRetentionYears()), clock);
    }

    /** The audit log's keys: checkpoints are signed under the health data key, which is kept outside the database. */
    private static org.vertebra.audit.AuditKeys auditKeys(Settings settings, SiteState state) {
        var consult = settings.consult();
        return new org.vertebra.audit.AuditKeys(state.secret(SiteState.AUDIT_SECRET),
                HealthDataCipher.loadKey(consult.configuredKey(), settings.dataDir().resolve("consult.key")),
                HealthDataCipher.loadOldKeys(consult.configuredOldKeys(), settings.dataDir().resolve("consult.old-keys")));
    }

    /** The configured mail settings, with what the admin stores under them; the SMTP password sealed under the site's key. */
    private static org.vertebra.mail.MailConfiguration mailConfiguration(MailSettings m, SiteSettings store,
                                                                         org.vertebra.secret.Sealer sealer) {
        return new org.vertebra.mail.MailConfiguration(new org.vertebra.mail.SmtpSettings(m.host(), m.port(), m.user(),
                m.password(), m.tls(), m.from(), m.siteAddress(), m.trustedCert()), m.fixedBy(), store, sealer);
    }

    public static Site open(Settings settings, Clock clock) {
        Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        try {
            return new Site(settings, clock, database);
        } catch (RuntimeException refused) {
            // A site that refuses to start (a wrong consultation key, say) leaves no database handle open behind it.
            database.close();
            throw refused;
        }
    }

    /**
     * On the first run against an empty database, loads the demo site unless asked not to.
     * Returns the demo import's report, or null when nothing was loaded.
     */
    public ImportReport initialize(boolean loadDemo) {
        if (!new SiteState(database.jdbi()).claim(SiteState.INITIALIZED, clock.instant().toString()) || !loadDemo) {
            return null;
        }
        return new DemoSite(importer, authors, taxonomy, media, transactor, consult.agenda()).load();
    }

    /** The address in "Name <address>", or the text as it is. */
    public static String contactAddress(String from) {
        if (from == null) {
            return null;
        }
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    /**
     * The site's features in route order, with what they keep running (queues, the search index,
     * housekeeping), built on the first call: only a server needs them.
     */
    synchronized Features features() {
        if (features == null) {
            features = new Features(this);
        }
        return features;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (features != null) {
                features.close();
            }
        }
        retractions.close();
        database.close();
    }
}
