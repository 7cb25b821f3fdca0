package org.vertebra.support;

import java.nio.file.Path;
import java.time.Clock;
import org.vertebra.app.MailSettings;
import org.vertebra.app.Settings;
import org.vertebra.app.Site;
import org.vertebra.media.MediaLimits;
import org.vertebra.trust.TrustSettingsChange;
import org.vertebra.web.TrustedProxies;

/** A whole site on a fresh test database, closed and dropped after the test. */
public final class TestSite implements AutoCloseable {

    private final Site site;
    private final TestDatabase.Created database;

    private TestSite(Site site, TestDatabase.Created database) {
        this.site = site;
        this.database = database;
    }

    public static TestSite open(TestDatabase kind, Path folder, Clock clock) {
        return open(kind, folder, clock, "", "");
    }

    /** A site whose reference look-ups go to these addresses (empty: off), such as a test's fake services. */
    public static TestSite open(TestDatabase kind, Path folder, Clock clock, String crossrefUrl, String pubmedUrl) {
        return open(kind, folder, clock, crossrefUrl, pubmedUrl, MailSettings.none());
    }

    /** A site that sends mail through this SMTP server (such as a test's GreenMail). */
    public static TestSite open(TestDatabase kind, Path folder, Clock clock, MailSettings mail) {
        return open(kind, folder, clock, "", "", mail);
    }

    private static TestSite open(TestDatabase kind, Path folder, Clock clock, String crossrefUrl, String pubmedUrl,
                                 MailSettings mail) {
        TestDatabase.Created database = kind.create(folder);
        Site site = Site.open(settings(database, folder, crossrefUrl, pubmedUrl, mail), clock);
        // Articles in tests publish without a disclosure of their own; the site default covers them,
        // as an administrator sets it once on a real site. TrustTestSites opens one without it.
        site.trustSettings.save(new TrustSettingsChange(DEFAULT_DISCLOSURE, null));
        return new TestSite(site, database);
    }

    /** A site on a database that holds one already (such as a restored backup), dropped after the test. */
    public static TestSite openOn(TestDatabase.Created database, Path folder, Clock clock) {
        return new TestSite(Site.open(settings(database, folder), clock), database);
    }

    /** The settings a test site in this folder on this database runs with. */
    public static Settings settings(TestDatabase.Created database, Path folder) {
        return settings(database, folder, "", "", MailSettings.none());
    }

    private static Settings settings(TestDatabase.Created database, Path folder, String crossrefUrl, String pubmedUrl,
                                     MailSettings mail) {
        return new Settings(0, folder.resolve("data"), database.url(), database.user(), database.password(),
                "http://vertebra.test", "Test Clinic", MediaLimits.DEFAULT_MAX_UPLOAD_MB, crossrefUrl, pubmedUrl, mail,
                TrustedProxies.parse(TrustedProxies.LOOPBACK),
                database.url().startsWith("jdbc:postgresql:") ? Settings.MEDIA_IN_DATABASE : Settings.MEDIA_IN_FOLDER,
                org.vertebra.consult.ConsultOptions.defaults(), Settings.DEFAULT_AUDIT_RETENTION_YEARS);
    }

    /** These settings with this health data key and these retired keys (Base64, comma separated) configured. */
    public static Settings withConsultKeys(Settings s, String key, String oldKeys) {
        var c = s.consult();
        return new Settings(s.port(), s.dataDir(), s.dbUrl(), s.dbUser(), s.dbPassword(), s.baseUrl(), s.siteTitle(),
                s.mediaMaxUploadMb(), s.crossrefUrl(), s.pubmedUrl(), s.mail(), s.trustedProxies(), s.mediaStore(),
                new org.vertebra.consult.ConsultOptions(c.jitsiBaseUrl(), c.cancelCutoff(), c.retentionDays(), key, oldKeys),
                s.auditRetentionYears());
    }

    /** The default disclosure every test site starts with. */
    public static final String DEFAULT_DISCLOSURE = "Test site: the authors declare no conflicts of interest.";

    public Site site() {
        return site;
    }

    @Override
    public void close() {
        site.close();
        database.drop().run();
    }
}
