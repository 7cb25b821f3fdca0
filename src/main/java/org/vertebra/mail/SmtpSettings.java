package org.vertebra.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * The mail settings in force: the SMTP server (no host: mail waits in the outbox), its TLS mode,
 * the sender and where the contact form's messages go.
 *
 * @param tls        {@link #STARTTLS} (required, not merely offered), {@link #SSL} (implicit TLS, port 465) or {@link #NONE}
 * @param from       the sender of every mail, such as {@code "Clinic <news@clinic.example>"}
 * @param contactTo  where the contact form's messages go
 */
public record SmtpSettings(String host, int port, String user, String password, String tls, String from, String contactTo) {

    public static final String STARTTLS = "starttls";
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

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        tls = tls == null ? STARTTLS : tls.toLowerCase(Locale.ROOT);
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
        return SSL.equals(tls) ? 465 : 587;
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
                + ", from=" + from + ", contactTo=" + contactTo + "]";
    }
}
