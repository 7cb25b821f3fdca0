package org.vertebra.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.vertebra.media.MediaLimits;
import org.vertebra.web.TrustedProxies;

/**
 * Resolves settings with the precedence of DESIGN.md: command-line option, then environment
 * variable, then {@code DATA/vertebra.properties}, then the default. The file is created with
 * commented defaults on first run so that an operator can see what exists.
 */
public final class SettingsLoader {

    static final String FILE_NAME = "vertebra.properties";

    private final Map<String, String> environment;

    public SettingsLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Options given on the command line; null where the user gave none. */
    public record Overrides(Integer port, Path dataDir, String dbUrl) {
        public static Overrides none() {
            return new Overrides(null, null, null);
        }
    }

    public Settings load(Overrides cli) {
        Path dataDir = cli.dataDir() != null ? cli.dataDir()
                : Path.of(environment.getOrDefault("VERTEBRA_DATA", "./vertebra-data"));
        dataDir = dataDir.toAbsolutePath().normalize();
        Properties file = readOrCreate(dataDir);
        String port = pick(cli.port() == null ? null : cli.port().toString(), "VERTEBRA_PORT", file, "port", "8080");
        String defaultDb = "jdbc:sqlite:" + dataDir.resolve("vertebra.db");
        String dbUrl = databaseUrl(pick(cli.dbUrl(), "VERTEBRA_DB_URL", file, "db.url", defaultDb));
        return new Settings(
                parsePort(port),
                dataDir,
                dbUrl,
                pick(null, "VERTEBRA_DB_USER", file, "db.user", ""),
                pick(null, "VERTEBRA_DB_PASSWORD", file, "db.password", ""),
                stripTrailingSlash(pick(null, "VERTEBRA_BASE_URL", file, "base.url", "http://localhost:" + port)),
                pick(null, "VERTEBRA_SITE_TITLE", file, "site.title", "Vertebra Orthopaedics"),
                parseMegabytes(pick(null, "VERTEBRA_MEDIA_MAX_UPLOAD_MB", file, "media.max_upload_mb",
                        String.valueOf(MediaLimits.DEFAULT_MAX_UPLOAD_MB))),
                serviceUrl("crossref.url", pick(null, "VERTEBRA_CROSSREF_URL", file, "crossref.url", "")),
                serviceUrl("pubmed.url", pick(null, "VERTEBRA_PUBMED_URL", file, "pubmed.url", "")),
                mail(file),
                trustedProxies(pick(null, "VERTEBRA_TRUSTED_PROXIES", file, "proxy.trusted", TrustedProxies.LOOPBACK)),
                mediaStore(pick(null, "VERTEBRA_MEDIA_STORE", file, "media.store",
                        dbUrl.startsWith("jdbc:postgresql:") ? Settings.MEDIA_IN_DATABASE : Settings.MEDIA_IN_FOLDER)),
                consult(file),
                wholeNumber(pick(null, "VERTEBRA_AUDIT_RETENTION_YEARS", file, "audit.retention_years",
                        String.valueOf(Settings.DEFAULT_AUDIT_RETENTION_YEARS)), 1, 100,
                        "audit.retention_years must be a whole number of years from 1 to 100"));
    }

    private static String databaseUrl(String value) {
        if (!value.startsWith("jdbc:sqlite:") && !value.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("db.url must start with jdbc:sqlite: or jdbc:postgresql:, not '" + value + "'");
        }
        return value;
    }

    private static String mediaStore(String value) {
        String store = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!store.equals(Settings.MEDIA_IN_DATABASE) && !store.equals(Settings.MEDIA_IN_FOLDER)) {
            throw new ConfigurationException("media.store must be database or folder, not '" + value + "'");
        }
        return store;
    }

    private static TrustedProxies trustedProxies(String list) {
        try {
            return TrustedProxies.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("proxy.trusted: " + e.getMessage());
        }
    }

    private org.vertebra.consult.ConsultOptions consult(Properties file) {
        return new org.vertebra.consult.ConsultOptions(
                serviceUrl("jitsi.base_url", pick(null, "VERTEBRA_JITSI_BASE_URL", file, "jitsi.base_url",
                        org.vertebra.consult.ConsultOptions.DEFAULT_JITSI)),
                java.time.Duration.ofHours(wholeNumber(pick(null, "VERTEBRA_CONSULT_CANCEL_CUTOFF_HOURS", file,
                        "consult.cancel_cutoff_hours", "24"), 0, 24 * 30, "consult.cancel_cutoff_hours must be 0 to 720 hours")),
                wholeNumber(pick(null, "VERTEBRA_CONSULT_RETENTION_DAYS", file, "consult.retention_days", "365"), 1, 36500,
                        "consult.retention_days must be a whole number of days from 1 to 36500"),
                pick(null, "VERTEBRA_CONSULT_KEY", file, "consult.key", ""),
                pick(null, "VERTEBRA_CONSULT_OLD_KEYS", file, "consult.old_keys", ""));
    }

    private MailSettings mail(Properties file) {
        String tls = org.vertebra.mail.SmtpSettings.mode(pick(null, "VERTEBRA_SMTP_TLS", file, "smtp.tls", "starttls"));
        if (!java.util.Set.of("starttls", "smtps", "none").contains(tls)) {
            throw new ConfigurationException("smtp.tls must be starttls, smtps or none, not '" + tls + "'");
        }
        String host = pick(null, "VERTEBRA_SMTP_HOST", file, "smtp.host", "");
        if (tls.equals("none") && !host.isBlank() && !org.vertebra.mail.SmtpSettings.isThisMachine(host)) {
            throw new ConfigurationException("smtp.tls=none sends mail and the SMTP password in the clear, so it is only for a "
                    + "relay on this machine (localhost), not for " + host + ": use starttls or smtps");
        }
        String trustedCert = pick(null, "VERTEBRA_SMTP_TRUSTED_CERT", file, "smtp.trusted_cert", "").strip();
        if (!trustedCert.isEmpty()) {
            org.vertebra.mail.SmtpSettings.unusableTrustedCert(trustedCert).ifPresent(problem -> {
                throw new ConfigurationException("smtp.trusted_cert: " + problem);
            });
        }
        String from = pick(null, "VERTEBRA_MAIL_FROM", file, "mail.from", MailSettings.none().from());
        java.util.Map<String, String> fixedBy = new java.util.LinkedHashMap<>();
        for (String key : MailSettings.KEYS) {
            String variable = key.equals("mail.from") ? "VERTEBRA_MAIL_FROM" : key.equals("contact.to") ? "VERTEBRA_CONTACT_TO"
                    : "VERTEBRA_SMTP_" + key.substring("smtp.".length()).toUpperCase(java.util.Locale.ROOT);
            source(variable, file, key).ifPresent(where -> fixedBy.put(key, where));
        }
        return new MailSettings(
                host,
                wholeNumber(pick(null, "VERTEBRA_SMTP_PORT", file, "smtp.port", tls.equals("smtps") ? "465" : "587"), 1, 65535,
                        "smtp.port must be a number from 1 to 65535"),
                pick(null, "VERTEBRA_SMTP_USER", file, "smtp.user", ""),
                pick(null, "VERTEBRA_SMTP_PASSWORD", file, "smtp.password", ""),
                tls, from,
                pick(null, "VERTEBRA_CONTACT_TO", file, "contact.to", from),
                wholeNumber(pick(null, "VERTEBRA_MAIL_CLAIM_SECONDS", file, "mail.claim-seconds",
                        String.valueOf(MailSettings.DEFAULT_CLAIM_SECONDS)), 10, 3600,
                        "mail.claim-seconds must be a number of seconds from 10 to 3600"), fixedBy, trustedCert);
    }

    /** Where a setting is given, in words, when it is: the environment variable, else the file. */
    private java.util.Optional<String> source(String variable, Properties file, String key) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return java.util.Optional.of("the environment variable " + variable);
        }
        String fromFile = file.getProperty(key);
        return fromFile != null && !fromFile.isBlank() ? java.util.Optional.of(key + " in " + FILE_NAME) : java.util.Optional.empty();
    }

    private String pick(String cli, String variable, Properties file, String key, String fallback) {
        if (cli != null && !cli.isBlank()) {
            return cli;
        }
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String fromFile = file.getProperty(key);
        return fromFile != null && !fromFile.isBlank() ? fromFile.trim() : fallback;
    }

    private static int parsePort(String value) {
        return wholeNumber(value, 0, 65535, "port must be a number from 0 to 65535");
    }

    private static int parseMegabytes(String value) {
        return wholeNumber(value, 1, 1024, "media.max_upload_mb must be a whole number of megabytes from 1 to 1024");
    }

    private static int wholeNumber(String value, int min, int max, String rule) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the value the user gave
        }
        throw new ConfigurationException(rule + ", not '" + value + "'");
    }

    /** An optional service's address: empty (the service is not used) or an http(s) address. */
    private static String serviceUrl(String key, String value) {
        String url = value.trim();
        if (url.isEmpty() || url.matches("(?i)https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            return stripTrailingSlash(url);
        }
        throw new ConfigurationException(key + " must be an http:// or https:// address without query, not '" + value + "'");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** True when the settings file is the commented one a first run wrote, never edited. */
    /** The text of the settings file a first run writes, commented defaults only. */
    public static String untouchedFileText() {
        return DEFAULTS;
    }

    private static Properties readOrCreate(Path dataDir) {
        Path path = dataDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.notExists(path)) {
                Files.writeString(path, DEFAULTS, StandardCharsets.UTF_8);
            }
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + path, e);
        }
        return properties;
    }

    private static final String DEFAULTS = """
            # Vertebra settings. Each may also come from a VERTEBRA_* environment variable
            # (VERTEBRA_PORT, VERTEBRA_DB_URL, ...), which wins over this file; a command-line
            # option wins over both. Remove the leading '#' to change a value.

            # port=8080
            # Public address of the site, used in links in mail and feeds.
            # base.url=https://www.example.org
            # site.title=Vertebra Orthopaedics

            # Database: an embedded SQLite file in this folder unless set.
            # db.url=jdbc:postgresql://localhost:5432/vertebra
            # db.user=vertebra
            # db.password=

            # Media library: the largest image file accepted, in megabytes (JPEG, PNG, WebP, GIF).
            # media.max_upload_mb=10

            # Reference look-ups in the editor (off unless set): DOIs at Crossref, PMIDs at PubMed.
            # crossref.url=https://api.crossref.org
            # pubmed.url=https://eutils.ncbi.nlm.nih.gov/entrez/eutils

            # Mail (comment replies, the newsletter, the contact form). Without smtp.host, mail
            # waits in the outbox until a server is set. smtp.tls: starttls (required: a server
            # that does not offer it is refused), smtps (TLS from the start, port 465) or none
            # (unencrypted: only for a relay on this machine, smtp.host=localhost).
            # smtp.host=smtp.example.org
            # smtp.port=587
            # smtp.user=
            # smtp.password=
            # smtp.tls=starttls
            # The server's certificate must be valid for smtp.host and signed by an authority Java
            # trusts; for a private relay with a certificate of its own, a PEM file of it (then
            # only the certificates in that file are trusted).
            # smtp.trusted_cert=/etc/vertebra/relay.pem
            # mail.from=Clinic <news@example.org>
            # Where the contact form's messages go (mail.from when unset).
            # contact.to=desk@example.org
            # With several servers: how long one server's claim on a mail it is sending holds; if it
            # dies mid-send, another sends that mail after this long.
            # mail.claim-seconds=120

            # The load balancers or proxies in front of this server, whose X-Forwarded-For and
            # X-Forwarded-Proto headers are believed (addresses or CIDR blocks, comma-separated).
            # proxy.trusted=127.0.0.1, ::1

            # Where uploaded images are kept: database (the default on PostgreSQL, so that every
            # server serves every upload) or folder (DATA/media; the default on SQLite; with
            # several servers, a folder they share).
            # media.store=folder

            # Video consultations (TeleConsult). Rooms are made on this Jitsi Meet server.
            # jitsi.base_url=https://meet.jit.si
            # Patients may cancel or move a consultation online until this many hours before it.
            # consult.cancel_cutoff_hours=24
            # Intake answers and doctors' notes are erased this many days after a consultation.
            # consult.retention_days=365
            # The key that encrypts health data: Base64 of 32 random bytes (openssl rand -base64 32).
            # Unset: a key file consult.key is made in this folder on first run (owner-only). With
            # several servers on one PostgreSQL, give them all the same key.
            # consult.key=
            # Retired keys, comma separated, that still open older values after a key change until
            # `vertebra consult-rekey` has sealed everything under the new key (docs/guide/teleconsult.md: changing the health data key).
            # They may also be listed one per line in the file consult.old-keys in this folder.
            # consult.old_keys=

            # The audit log (Admin > Audit log) keeps its rows this many years; older ones are
            # pruned daily, leaving a signed checkpoint from which the rest still verifies.
            # audit.retention_years=6
            """;
}
