package org.vertebra.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.vertebra.app.MailSettings;
import org.vertebra.app.Site;

/**
 * A running server on an empty site whose outbox sends through a real SMTP server (GreenMail) on a
 * port of its own, and the mails as that SMTP server received them. Close it to stop both.
 *
 * <p>Waiting for a mail asks the outbox to send what is due on each look instead of waiting for its
 * background round, so a test does not depend on the sender's timing, only on the mail arriving.
 */
public final class ServerWithSmtp implements AutoCloseable {

    /** The sender every mail of these sites names. */
    public static final String FROM = "Test Clinic <clinic@vertebra.test>";
    private static final int LOOKS = 100;
    private static final long PAUSE_MILLIS = 100;

    private final GreenMail smtp;
    private final TestServer server;

    private ServerWithSmtp(GreenMail smtp, TestServer server) {
        this.smtp = smtp;
        this.server = server;
    }

    public static ServerWithSmtp start(TestDatabase kind, Path folder, Clock clock) {
        return start(kind, folder, clock, port -> MailSettings.plainSmtp("127.0.0.1", port, FROM));
    }

    /**
     * A site with no mail settings yet beside a running SMTP server, as an administrator finds them
     * before typing the server's address into the mail settings ({@link #port()} is its port).
     */
    public static ServerWithSmtp startWithoutMailSettings(TestDatabase kind, Path folder, Clock clock) {
        return start(kind, folder, clock, port -> MailSettings.none());
    }

    /** A site whose mail settings are made from the port the SMTP server was given, such as settings read from the environment. */
    public static ServerWithSmtp start(TestDatabase kind, Path folder, Clock clock, IntFunction<MailSettings> settings) {
        // Port 0 with dynamicPort: the system picks a free port as GreenMail binds, so no race with another test.
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            return new ServerWithSmtp(smtp, TestServer.withMail(kind, folder, clock, settings.apply(smtp.getSmtp().getPort())));
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    public TestServer server() {
        return server;
    }

    public Site site() {
        return server.site();
    }

    /** The SMTP server itself, for what a test wants to ask GreenMail directly. */
    public GreenMail smtp() {
        return smtp;
    }

    /** The port the SMTP server listens on (on 127.0.0.1). */
    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** The mails to this address once at least {@code count} have arrived, oldest first. */
    public List<MimeMessage> delivered(String address, int count) throws InterruptedException {
        for (int i = 0; i < LOOKS; i++) {
            List<MimeMessage> mails = received(m -> isTo(m, address));
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        throw new AssertionError("fewer than " + count + " mails arrived for " + address);
    }

    /** The first mail received that matches, once one has arrived. */
    public MimeMessage first(Predicate<MimeMessage> which, String what) throws InterruptedException {
        for (int i = 0; i < LOOKS; i++) {
            List<MimeMessage> mails = received(which);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        throw new AssertionError("no mail arrived: " + what);
    }

    private List<MimeMessage> received(Predicate<MimeMessage> which) {
        server.server().mailSender().sendDue();
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    /** Whether the mail's To names this address (a display name around it allowed, case ignored). */
    public static boolean isTo(MimeMessage mail, String address) {
        try {
            String wanted = address.toLowerCase(Locale.ROOT);
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().toLowerCase(Locale.ROOT).contains(wanted));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the mail's first part of this type, at any depth of its multiparts. */
    public static String part(Part mail, String type) throws MessagingException, IOException {
        List<String> found = new ArrayList<>();
        collect(mail, type, found);
        if (found.isEmpty()) {
            throw new AssertionError("the mail has no " + type + " part");
        }
        return found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.isMimeType(type)) {
            // Jakarta Mail decodes some types to a String and hands others over as a stream.
            Object content = part.getContent();
            if (content instanceof String text) {
                found.add(text);
            } else {
                try (InputStream in = (InputStream) content) {
                    found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            smtp.stop();
        }
    }
}
