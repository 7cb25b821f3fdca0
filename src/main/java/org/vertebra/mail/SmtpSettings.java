package org.vertebra.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * The mail settings in force: the SMTP server (no host: mail waits in the outbox), its TLS mode,
 * the certificate trusted for a private relay, the sender and where the contact form's messages go.
 *
 * @param tls         {@link #STARTTLS} (required, not merely offered), {@link #SMTPS} (TLS from the first byte, port 465)
 *                    or {@link #NONE} (in the clear: only for a relay on this machine)
 * @param from        the sender of every mail, such as {@code "Clinic <news@clinic.example>"}
 * @param contactTo   where the contact form's messages go
 * @param trustedCert a PEM file of the certificates that alone are trusted for the server (a private relay's own),
 *                    or empty for the authorities the JDK trusts
 */
public record SmtpSettings(String host, int port, String user, String password, String tls, String from, String contactTo,
                           String trustedCert) {

    public static final String STARTTLS = "starttls";
    public static final String SMTPS = "smtps";
    /** The earlier name of {@link #SMTPS}, still read from older settings. */
    public static final String SSL = "ssl";
    public static final String NONE = "none";

    /** The names of the settings, as the properties file spells them (and the admin stores them). */
    public static final String HOST = "smtp.host";
    public static final String PORT = "smtp.port";
    public static final String USER = "smtp.user";
    public static final String PASSWORD = "smtp.password";
    public static final String TLS = "smtp.tls";
    public static final String FROM = "mail.from";
    public static final String CONTACT_TO = "contact.to";
    public static final String TRUSTED_CERT = "smtp.trusted_cert";

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        tls = mode(tls);
        trustedCert = trustedCert == null ? "" : trustedCert.strip();
    }

    /** Settings that trust the JDK's authorities, as most providers need. */
    public SmtpSettings(String host, int port, String user, String password, String tls, String from, String contactTo) {
        this(host, port, user, password, tls, from, contactTo, "");
    }

    /** The TLS mode as stored: lower case, {@code ssl} read as {@link #SMTPS}, nothing as {@link #STARTTLS}. */
    public static String mode(String tls) {
        String mode = tls == null || tls.isBlank() ? STARTTLS : tls.strip().toLowerCase(Locale.ROOT);
        return mode.equals(SSL) ? SMTPS : mode;
    }

    /** What is wrong with a trusted certificate file (it does not exist, holds no certificate, ...), or empty when it is usable. */
    public static java.util.Optional<String> unusableTrustedCert(String pem) {
        try {
            TrustedCertificate.read(pem);
            return java.util.Optional.empty();
        } catch (TrustedCertificate.Unusable e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /**
     * Whether a host is this machine, by its name or a loopback address, without asking DNS: the
     * only place where mail may go in the clear ({@link #NONE}), since it never crosses a network.
     */
    public static boolean isThisMachine(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    public boolean configured() {
        return !host.isEmpty();
    }

    /** "host:port", for the admin and for messages. */
    public String server() {
        return host + ":" + port;
    }

    /** The port a TLS mode uses when none is given. */
    public static int defaultPort(String tls) {
        return SMTPS.equals(mode(tls)) ? 465 : 587;
    }

    /** The name part of the sender ("Clinic" of "Clinic &lt;news@clinic.example&gt;"), or empty. */
    public String fromName() {
        InternetAddress address = parsedFrom();
        return address == null || address.getPersonal() == null ? "" : address.getPersonal();
    }

    /** The address part of the sender. */
    public String fromAddress() {
        InternetAddress address = parsedFrom();
        return address == null ? from : address.getAddress();
    }

    /** Where the contact form's messages go: the contact recipient, or the sender's address when none is set. */
    public String contactAddress() {
        return contactTo == null || contactTo.isBlank() ? fromAddress() : contactTo.strip();
    }

    private InternetAddress parsedFrom() {
        try {
            return new InternetAddress(from, false);
        } catch (AddressException e) {
            return null;
        }
    }

    /** These settings with their password hidden, safe to log or compare for display. */
    @Override
    public String toString() {
        return "SmtpSettings[" + server() + ", tls=" + tls + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", from=" + from + ", contactTo=" + contactTo + ", trustedCert=" + trustedCert + "]";
    }
}
