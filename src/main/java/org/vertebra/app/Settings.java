package org.vertebra.app;

import java.nio.file.Path;
import org.vertebra.backup.SiteLocation;
import org.vertebra.web.TrustedProxies;

/**
 * Everything a Vertebra process is configured with, resolved once at start.
 *
 * @param dataDir  where the SQLite file, media and search index live
 * @param dbUrl    JDBC URL; SQLite under {@code dataDir} unless set
 * @param baseUrl  public address, for links in mail and feeds
 * @param mediaMaxUploadMb  the largest image file the media library accepts, in megabytes
 * @param crossrefUrl  Crossref's REST API ({@code https://api.crossref.org}) for DOI look-ups; empty: off
 * @param pubmedUrl    NCBI E-utilities ({@code https://eutils.ncbi.nlm.nih.gov/entrez/eutils}) for
 *                     PMID look-ups; empty: off
 * @param mail         the SMTP server and addresses mail goes out with
 * @param trustedProxies the load balancers whose X-Forwarded-For and -Proto headers are believed
 * @param mediaStore   {@code database} (the default on PostgreSQL: every node serves every upload)
 *                     or {@code folder} ({@link #mediaDir()}; the default on SQLite)
 * @param consult      video consultations: the Jitsi server, the cancel cut-off, retention, the health data key
 * @param auditRetentionYears how many years the audit log keeps its rows (audit.retention_years, default 6)
 */
public record Settings(
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String baseUrl,
        String siteTitle,
        int mediaMaxUploadMb,
        String crossrefUrl,
        String pubmedUrl,
        MailSettings mail,
        TrustedProxies trustedProxies,
        String mediaStore,
        org.vertebra.consult.ConsultOptions consult,
        int auditRetentionYears) {

    /** HIPAA keeps security documentation six years (45 CFR 164.316(b)(2)). */
    public static final int DEFAULT_AUDIT_RETENTION_YEARS = 6;

    public static final String MEDIA_IN_DATABASE = "database";
    public static final String MEDIA_IN_FOLDER = "folder";

    public boolean mediaInDatabase() {
        return MEDIA_IN_DATABASE.equals(mediaStore);
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** What a backup of this site holds and a restore writes to. */
    public SiteLocation siteLocation() {
        return new SiteLocation(dbUrl, dbUser, dbPassword, dataDir, mediaDir(), SettingsLoader.untouchedFileText());
    }
}
