package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.MailSettings;
import org.vertebra.app.Settings;
import org.vertebra.app.Site;
import org.vertebra.app.WebServer;
import org.vertebra.media.MediaLimits;
import org.vertebra.web.TrustedProxies;

/**
 * The real wiring (Site and WebServer, with their background sender) across a process restart:
 * mail left in the outbox by one run is sent by the next.
 */
class MailRestartTest {

    @TempDir
    Path folder;

    @Test
    void mailLeftInTheOutboxIsSentByTheNextRun() {
        try (TestSmtp smtp = TestSmtp.down()) {
            Site first = Site.open(settings(MailSettings.plainSmtp("127.0.0.1", smtp.port, "Clinic <clinic@vertebra.test>")),
                    Clock.systemUTC());
            WebServer server = new WebServer(first).start();
            first.transactor.run(() -> first.outbox.enqueue(
                    OutgoingMail.plain("password-reset", "doctor@example.org", "Your link", "Open it.")));
            server.mailSender().sendDue(); // the server is down: a failed attempt, and a wait
            server.close();
            first.close();

            smtp.start();
            Site second = Site.open(settings(MailSettings.plainSmtp("127.0.0.1", smtp.port, "Clinic <clinic@vertebra.test>")),
                    Clock.offset(Clock.systemUTC(), OutboxSender.FIRST_RETRY));
            try (WebServer again = new WebServer(second).start()) {
                assertThat(second.outbox.waiting()).isLessThanOrEqualTo(1);
                assertThat(smtp.server().waitForIncomingEmail(10_000, 1)).as("sent by the new run's background sender").isTrue();
                assertThat(smtp.server().getReceivedMessages()[0].getSubject()).isEqualTo("Your link");
                waitUntilSent(second.outbox);
            } catch (jakarta.mail.MessagingException | InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void withoutAnSmtpServerMailWaitsUntilARunHasOne() throws InterruptedException {
        Site first = Site.open(settings(MailSettings.none()), Clock.systemUTC());
        try (WebServer server = new WebServer(first).start()) {
            first.outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "A question", "Hello"));
            assertThat(server.mailSender().sendDue()).isZero();
        }
        assertThat(first.outbox.waiting()).isEqualTo(1);
        first.close();

        try (TestSmtp smtp = TestSmtp.up()) {
            Site second = Site.open(settings(MailSettings.plainSmtp("127.0.0.1", smtp.port, "Clinic <clinic@vertebra.test>")),
                    Clock.systemUTC());
            try (WebServer again = new WebServer(second).start()) {
                assertThat(smtp.server().waitForIncomingEmail(10_000, 1)).isTrue();
                waitUntilSent(second.outbox);
            } finally {
                second.close();
            }
        }
    }

    /** The mail is marked sent just after the server took it. */
    private static void waitUntilSent(Outbox outbox) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (outbox.waiting() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outbox.waiting()).isZero();
    }

    private Settings settings(MailSettings mail) {
        return new Settings(0, folder.resolve("data"), "jdbc:sqlite:" + folder.resolve("site.db"), "", "",
                "http://vertebra.test", "Test Clinic", MediaLimits.DEFAULT_MAX_UPLOAD_MB, "", "", mail,
                TrustedProxies.parse(TrustedProxies.LOOPBACK), Settings.MEDIA_IN_FOLDER,
                org.vertebra.consult.ConsultOptions.defaults(), Settings.DEFAULT_AUDIT_RETENTION_YEARS);
    }
}
