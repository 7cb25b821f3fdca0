package org.vertebra.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vertebra.form.Problems;

/**
 * A checked change of the mail settings: the value to store for each setting the administrator may
 * change (those the environment or the properties file fix are left out), and what to do with the
 * password: keep it (nothing typed), replace it, or forget it.
 *
 * @param values   setting name to value, for the settings not fixed by the configuration
 * @param password the new password, or null to keep the stored one
 */
public record MailSettingsChange(Map<String, String> values, String password, boolean forgetPassword) {

    static final Set<String> TLS_MODES = Set.of(SmtpSettings.STARTTLS, SmtpSettings.SMTPS, SmtpSettings.NONE);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "|\\[[0-9A-Fa-f:.]+\\]");

    /**
     * Checks what the form sent, every field at once; throws {@link org.vertebra.form.Invalid} with
     * every problem found. Fields for fixed settings are not read: the configuration wins.
     *
     * @param inForce the settings in force, for what the configuration fixes (the host, when it checks the security)
     */
    public static MailSettingsChange parse(MailSettingsForm form, String password, boolean forgetPassword, Set<String> fixed,
                                           SmtpSettings inForce) {
        Problems problems = new Problems();
        Map<String, String> values = new LinkedHashMap<>();
        String tls = fixed.contains(SmtpSettings.TLS) ? null : form.tls() == null ? "" : SmtpSettings.mode(form.tls());
        if (tls != null) {
            if (!TLS_MODES.contains(tls)) {
                problems.add("tls", "Choose how the connection is secured: STARTTLS, SMTPS or none.");
            }
            values.put(SmtpSettings.TLS, tls);
        }
        String host = null;
        if (!fixed.contains(SmtpSettings.HOST)) {
            host = problems.optional("host", "The SMTP server", form.host(), 253);
            if (host != null && !HOST.matcher(host).matches()) {
                problems.add("host", "The SMTP server must be a host name such as smtp.example.org (or an IP address), "
                        + "without http://, a user or a port.");
            }
            values.put(SmtpSettings.HOST, host == null ? "" : host);
        }
        String hostInForce = fixed.contains(SmtpSettings.HOST) ? inForce.host() : host;
        String tlsInForce = tls == null ? inForce.tls() : tls;
        // A host that is not a host name has its own problem already: one message per mistake.
        if (SmtpSettings.NONE.equals(tlsInForce) && hostInForce != null && HOST.matcher(hostInForce).matches()
                && !SmtpSettings.isThisMachine(hostInForce)) {
            problems.add(tls == null ? "host" : "tls", "Security \"none\" sends mail and the password in the clear: it is only "
                    + "for a relay on this machine (localhost or 127.0.0.1), not for " + hostInForce + ". Choose STARTTLS or SMTPS.");
        }
        if (!fixed.contains(SmtpSettings.TRUSTED_CERT)) {
            String pem = problems.optional("trustedCert", "The trusted certificate", form.trustedCert(), 1000);
            if (pem != null) {
                try {
                    TrustedCertificate.read(pem);
                } catch (TrustedCertificate.Unusable e) {
                    problems.add("trustedCert", "The trusted certificate cannot be used: " + e.getMessage() + ".");
                }
            }
            values.put(SmtpSettings.TRUSTED_CERT, pem == null ? "" : pem);
        }
        if (!fixed.contains(SmtpSettings.PORT)) {
            String port = problems.optional("port", "The port", form.port(), 100);
            if (port == null) {
                values.put(SmtpSettings.PORT, null); // the TLS mode's usual port
            } else if (port.length() > 5 || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                problems.add("port", "The port must be a whole number from 1 to 65535, such as 587 (STARTTLS) or 465 (SMTPS).");
            } else {
                values.put(SmtpSettings.PORT, Integer.toString(Integer.parseInt(port)));
            }
        }
        if (!fixed.contains(SmtpSettings.USER)) {
            String user = problems.optional("user", "The user name", form.user(), 200);
            values.put(SmtpSettings.USER, user == null ? "" : user);
        }
        String newPassword = null;
        if (!fixed.contains(SmtpSettings.PASSWORD) && !forgetPassword && password != null && !password.isEmpty()) {
            if (password.length() > 500) {
                problems.add("password", "The password is too long: at most 500 characters.");
            } else if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add("password", "The password contains control characters (a line break, a tab); paste it again.");
            }
            newPassword = password;
        }
        if (!fixed.contains(SmtpSettings.FROM)) {
            String address = problems.email("fromAddress", "The sender address", form.fromAddress());
            String name = problems.optional("fromName", "The sender name", form.fromName(), 100);
            values.put(SmtpSettings.FROM, address == null ? null : from(name, address));
        }
        if (!fixed.contains(SmtpSettings.CONTACT_TO)) {
            String contact = form.contactTo() == null || form.contactTo().isBlank() ? null
                    : problems.email("contactTo", "The contact form's recipient", form.contactTo());
            values.put(SmtpSettings.CONTACT_TO, contact == null ? "" : contact);
        }
        problems.check();
        return new MailSettingsChange(values, newPassword, forgetPassword && !fixed.contains(SmtpSettings.PASSWORD));
    }

    /** "Name &lt;address&gt;", quoted where the name needs it. */
    private static String from(String name, String address) {
        try {
            return name == null ? address : new InternetAddress(address, name, "UTF-8").toUnicodeString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** Whether a stored sender reads as an address (it may not, when the database was edited by hand). */
    static boolean readable(String from) {
        try {
            new InternetAddress(from, true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
