package org.vertebra.mail;

/**
 * The mail settings form as typed, kept after a refused change. The password is never part of what
 * is shown back: the field is write-only, and empty means "keep the stored one".
 */
public record MailSettingsForm(String host, String port, String user, String tls, String fromName, String fromAddress,
                               String contactTo, String trustedCert) {

    /** The form filled with the settings in force. */
    static MailSettingsForm of(SmtpSettings s) {
        return new MailSettingsForm(s.host(), s.configured() || s.port() != SmtpSettings.defaultPort(s.tls())
                ? Integer.toString(s.port()) : "", s.user(), s.tls(), s.fromName(), s.fromAddress(),
                s.contactTo() == null || s.contactTo().equalsIgnoreCase(s.fromAddress()) ? "" : s.contactTo(), s.trustedCert());
    }
}
