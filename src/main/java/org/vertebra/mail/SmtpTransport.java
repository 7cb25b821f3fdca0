package org.vertebra.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Delivers outbox mails to one SMTP server through Jakarta Mail (Eclipse Angus): plain text, or
 * multipart/alternative text and HTML, in UTF-8, with the mail's own headers and any text
 * attachments (multipart/mixed). Connects with
 * STARTTLS (required, not merely offered: a server that does not offer it is refused), TLS from the
 * first byte ({@code smtps}) or in the clear ({@code none}, refused for any host but this machine),
 * with 10-second timeouts. Over TLS the server's certificate must chain to an authority the JDK
 * trusts, or to the named trusted certificate, and be valid for the host's name.
 */
final class SmtpTransport {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Headers the message sets itself; a mail's own headers cannot replace them. */
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "subject", "date", "message-id",
            "mime-version", "content-type", "content-transfer-encoding", "sender", "reply-to-all");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final InternetAddress from;
    private final Session session;
    private final String trustedCert;
    /** Why these settings may not connect at all, or null. */
    private final String refusal;

    /**
     * @param tls  {@code starttls}, {@code smtps} (or its older name {@code ssl}) or {@code none}
     * @param from the sender of every mail, such as {@code "Clinic <news@clinic.example>"}
     */
    public SmtpTransport(String host, int port, String user, String password, String tls, String from) {
        this(host, port, user, password, tls, from, "");
    }

    /** @param trustedCert a PEM file whose certificates alone are trusted for the server, or empty for the JDK's authorities */
    public SmtpTransport(String host, int port, String user, String password, String tls, String from, String trustedCert) {
        this.host = host;
        this.port = port;
        this.user = user == null || user.isBlank() ? null : user;
        this.password = this.user == null ? null : password; // with a password and no user, Angus would still try AUTH
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender address (mail.from) is not an email address: " + from, e);
        }
        this.session = Session.getInstance(properties(tls, this.user != null));
        this.trustedCert = trustedCert == null ? "" : trustedCert.strip();
        this.refusal = SmtpSettings.NONE.equals(SmtpSettings.mode(tls)) && !SmtpSettings.isThisMachine(host)
                ? "Refused: security \"none\" would send mail and the SMTP password across the network in the clear, so it is "
                + "allowed only for a relay on this machine (localhost), not for " + host + ". Choose STARTTLS (port 587) "
                + "or SMTPS (port 465)."
                : null;
    }

    /** The server and sender of these settings (which must name a host). */
    public static SmtpTransport of(SmtpSettings settings) {
        return new SmtpTransport(settings.host(), settings.port(), settings.user(), settings.password(), settings.tls(),
                settings.from(), settings.trustedCert());
    }

    /**
     * The session to connect with: the one of these settings, with sockets that trust only the
     * named certificate when there is one. The file is read at each connection, so a relay's new
     * certificate is taken up without a restart.
     */
    private Session connecting() throws TrustedCertificate.Unusable {
        if (trustedCert.isEmpty()) {
            return session;
        }
        Properties p = new Properties();
        p.putAll(session.getProperties());
        p.put("mail.smtp.ssl.socketFactory", TrustedCertificate.socketFactory(trustedCert));
        return Session.getInstance(p);
    }

    /** What the server said to a test mail: its reply when it took the mail, or why it did not, in words. */
    public record TestAnswer(boolean delivered, String message) {
    }

    /**
     * Sends one mail now, not through the outbox, and reports the server's answer: for the
     * administrator's "send a test mail", so that a wrong setting shows at once.
     */
    public TestAnswer sendTest(String to, String subject, String text) {
        if (refusal != null) {
            return new TestAnswer(false, refusal);
        }
        Transport transport = null;
        try {
            Session session = connecting();
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.saveChanges();
            transport = session.getTransport("smtp");
            transport.connect(host, port, user, password);
            transport.sendMessage(message, message.getAllRecipients());
            String reply = transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp
                    ? smtp.getLastServerResponse() : "";
            return new TestAnswer(true, Addresses.maskAll(reply == null ? "" : reply.replaceAll("\\s+", " ").strip()));
        } catch (MessagingException e) {
            return new TestAnswer(false, SmtpFailureText.of(e, host + ":" + port));
        } catch (TrustedCertificate.Unusable e) {
            return new TestAnswer(false, "TLS setting unusable: " + e.getMessage() + ".");
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the answer is known; a failed QUIT changes nothing
                }
            }
        }
    }

    private static Properties properties(String tls, boolean auth) {
        Properties p = new Properties();
        String millis = Long.toString(TIMEOUT.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        p.setProperty("mail.smtp.auth", Boolean.toString(auth));
        // Never mail.smtp.ssl.trust: it would accept any certificate from the hosts it names.
        switch (SmtpSettings.mode(tls)) {
            case SmtpSettings.SMTPS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SmtpSettings.NONE -> { }
            default -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }

    /** Connects to the server, for a round of mails; close it when the round is over. */
    Connection connect() throws DeliveryFailure {
        if (refusal != null) {
            throw new DeliveryFailure(refusal, false, null);
        }
        try {
            Transport transport = connecting().getTransport("smtp");
            transport.connect(host, port, user, password);
            return new Connection(transport);
        } catch (MessagingException e) {
            throw new DeliveryFailure(SmtpFailureText.of(e, host + ":" + port), false, e);
        } catch (TrustedCertificate.Unusable e) {
            throw new DeliveryFailure("TLS setting unusable: " + e.getMessage(), false, e);
        }
    }

    /** One open SMTP connection. After a failure it is closed, and the sender connects again. */
    final class Connection implements AutoCloseable {

        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        void send(QueuedMail queued, Instant now) throws DeliveryFailure {
            MimeMessage message;
            try {
                message = message(queued, now);
            } catch (AddressException e) {
                throw new DeliveryFailure("the recipient is not an email address", true, e);
            } catch (MessagingException e) {
                throw new DeliveryFailure("the mail cannot be put together: " + describe(e), true, e);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                throw new DeliveryFailure(describe(e), refusedForGood(e), e);
            }
        }

        boolean isConnected() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // Closing after QUIT failed: the server is gone either way.
            }
        }
    }

    MimeMessage message(QueuedMail queued, Instant now) throws MessagingException {
        OutgoingMail mail = queued.mail();
        String messageId = "<outbox." + queued.id() + "." + queued.createdAt().toEpochMilli() + "@" + domain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the same on every attempt, so a receiver can spot a repeat
            }
        };
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            String name = header.getKey();
            if (name.matches("[A-Za-z0-9-]{1,60}") && !RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                message.setHeader(name, MimeUtility.fold(name.length() + 2, encode(header.getValue())));
            }
        }
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        if (mail.attachments().isEmpty()) {
            setBody(message, mail);
        } else {
            // multipart/mixed: the body first, then each attachment as a file a mail program offers to open
            MimeBodyPart body = new MimeBodyPart();
            setBody(body, mail);
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setContent(attachment.text(), attachment.contentType() + "; charset=UTF-8");
                part.setFileName(attachment.fileName());
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Plain text, or text, HTML and any alternative attachment (an invitation) as multipart/alternative. */
    private static void setBody(jakarta.mail.internet.MimePart part, OutgoingMail mail) throws MessagingException {
        List<Attachment> alternatives = mail.attachments().stream().filter(Attachment::alternative).toList();
        if (mail.html() == null && alternatives.isEmpty()) {
            part.setText(mail.text(), StandardCharsets.UTF_8.name());
            return;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeMultipart alternative = new MimeMultipart("alternative", text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        // Last, as the richest alternative: the part Gmail and Outlook turn into an invitation card.
        for (Attachment attachment : alternatives) {
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(attachment.text(), attachment.contentType() + "; charset=UTF-8");
            alternative.addBodyPart(calendar);
        }
        part.setContent(alternative);
    }

    private String domain() {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static String encode(String value) {
        try {
            return MimeUtility.encodeText(value == null ? "" : value.replaceAll("[\\r\\n]+", " "), "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** True when the server refused the recipient with a 5xx reply: trying again cannot help. */
    private static boolean refusedForGood(MessagingException e) {
        for (Exception cause = e; cause != null;
             cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** A short note on what went wrong, for the outbox's last_error: the deepest message, addresses masked. */
    static String describe(Exception e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest == e ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
        return Addresses.maskAll(message.replaceAll("\\s+", " ").strip());
    }
}
