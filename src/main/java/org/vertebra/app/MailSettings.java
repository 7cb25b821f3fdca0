package org.vertebra.app;

/**
 * How the site sends mail. With no SMTP host, mail waits in the outbox (and the admin shows it)
 * until one is configured.
 *
 * @param tls       {@code starttls} (upgrade a plain connection, required, port 587), {@code smtps} (TLS from the
 *                  start, port 465) or {@code none} (in the clear: only for a relay on this machine)
 * @param from      the sender of every mail, such as {@code "Clinic <news@clinic.example>"}
 * @param siteAddress where the contact form's messages go; the sender's address when unset
 * @param claimSeconds how long a server's claim on a mail it is sending holds: when that server
 *                    dies mid-send, another sends the mail after this long
 * @param fixedBy     the settings ({@code smtp.host}, ...) given in the environment or the properties file, each
 *                    with where, in words: the admin shows them read-only, and what it stores does not replace them
 * @param trustedCert a PEM file whose certificates alone are trusted for the SMTP server (a private relay), or empty
 *                    for the authorities the JDK trusts
 */
public record MailSettings(String host, int port, String user, String password, String tls, String from, String siteAddress,
                           int claimSeconds, java.util.Map<String, String> fixedBy, String trustedCert) {

    public static final int DEFAULT_CLAIM_SECONDS = 120;
    /** Every mail setting the admin can change, by its key in the properties file. */
    public static final java.util.List<String> KEYS = java.util.List.of("smtp.host", "smtp.port", "smtp.user", "smtp.password",
            "smtp.tls", "mail.from", "contact.to", "smtp.trusted_cert");

    public MailSettings {
        fixedBy = fixedBy == null ? java.util.Map.of() : java.util.Map.copyOf(fixedBy);
        trustedCert = trustedCert == null ? "" : trustedCert;
    }

    /** Settings that trust the JDK's authorities. */
    public MailSettings(String host, int port, String user, String password, String tls, String from, String siteAddress,
                        int claimSeconds, java.util.Map<String, String> fixedBy) {
        this(host, port, user, password, tls, from, siteAddress, claimSeconds, fixedBy, "");
    }

    /** Settings none of which the environment or the file fix. */
    public MailSettings(String host, int port, String user, String password, String tls, String from, String siteAddress,
                        int claimSeconds) {
        this(host, port, user, password, tls, from, siteAddress, claimSeconds, java.util.Map.of());
    }

    public static MailSettings none() {
        return new MailSettings("", 587, "", "", "starttls", "Vertebra <vertebra@localhost>", "vertebra@localhost",
                DEFAULT_CLAIM_SECONDS);
    }

    /** A plain SMTP server on this host and port, as a test's GreenMail is, given by the configuration (fixed). */
    public static MailSettings plainSmtp(String host, int port, String from) {
        java.util.Map<String, String> fixed = new java.util.HashMap<>();
        KEYS.forEach(key -> fixed.put(key, "the configuration"));
        return new MailSettings(host, port, "", "", "none", from, from, DEFAULT_CLAIM_SECONDS, fixed);
    }

    /** These settings with the given ones fixed by the configuration, as a test sets them. */
    public MailSettings fixing(java.util.Map<String, String> fixedBy) {
        return new MailSettings(host, port, user, password, tls, from, siteAddress, claimSeconds, fixedBy, trustedCert);
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
