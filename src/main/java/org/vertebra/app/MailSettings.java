package org.vertebra.app;

/**
 * How the site sends mail. With no SMTP host, mail waits in the outbox (and the admin shows it)
 * until one is configured.
 *
 * @param tls       {@code starttls} (upgrade a plain connection, port 587), {@code ssl} (TLS from the start, port 465)
 *                  or {@code none} (a local relay or a test server)
 * @param from      the sender of every mail, such as {@code "Clinic <news@clinic.example>"}
 * @param siteAddress where the contact form's messages go; the sender's address when unset
 * @param claimSeconds how long a server's claim on a mail it is sending holds: when that server
 *                    dies mid-send, another sends the mail after this long
 */
public record MailSettings(String host, int port, String user, String password, String tls, String from, String siteAddress,
                           int claimSeconds) {

    public static final int DEFAULT_CLAIM_SECONDS = 120;

    public static MailSettings none() {
        return new MailSettings("", 587, "", "", "starttls", "Vertebra <vertebra@localhost>", "vertebra@localhost",
                DEFAULT_CLAIM_SECONDS);
    }

    /** A plain SMTP server on this host and port, as a test's GreenMail is. */
    public static MailSettings plainSmtp(String host, int port, String from) {
        return new MailSettings(host, port, "", "", "none", from, from, DEFAULT_CLAIM_SECONDS);
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
