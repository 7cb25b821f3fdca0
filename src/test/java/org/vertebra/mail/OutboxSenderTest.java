package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The sender against a real SMTP server (GreenMail) and a real SQLite outbox. */
class OutboxSenderTest {

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    private TestSite site;
    private Outbox outbox;
    private Jdbi jdbi;
    private TestSmtp smtp;

    @BeforeEach
    void open() {
        site = TestSite.open(TestDatabase.SQLITE, folder, clock);
        outbox = site.site().outbox;
        jdbi = site.site().database.jdbi();
    }

    @AfterEach
    void close() {
        if (smtp != null) {
            smtp.close();
        }
        site.close();
    }

    @Test
    void aQueueLongerThanARoundGoesOutRoundAfterRoundWithoutWaitingForThePoll() throws Exception {
        smtp = TestSmtp.up();
        int queued = OutboxSender.ROUND * 3 + 7;
        outbox.enqueueAll(java.util.stream.IntStream.range(0, queued)
                .mapToObj(i -> OutgoingMail.plain("newsletter-digest", "reader" + i + "@example.org", "News", "Text")).toList());
        try (OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock)) {
            sender.start();
            // One wake-up at the start; the poll would come only after OutboxSender.POLL a round.
            assertThat(smtp.server().waitForIncomingEmail(OutboxSender.POLL.toMillis() - 1000, queued)).isTrue();
        }
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void aMailIsDeliveredWithItsSubjectBothPartsAndItsHeaders() throws Exception {
        smtp = TestSmtp.up();
        long id = outbox.enqueue(new OutgoingMail("newsletter", "reader@example.org", "Knee pain — what helps",
                "Plain words about knees.", "<p>Plain words about <b>knees</b>.</p>",
                Map.of("List-Unsubscribe", "<https://vertebra.test/newsletter/leave/?t=abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock);

        assertThat(sender.sendDue()).isEqualTo(1);

        MimeMessage[] received = smtp.server().getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Knee pain — what helps");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Test Clinic <clinic@vertebra.test>");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://vertebra.test/newsletter/leave/?t=abc>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getMessageID()).isEqualTo("<outbox." + id + "." + clock.millis() + "@vertebra.test>");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(clock.instant());
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Plain words about knees.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).isEqualTo("<p>Plain words about <b>knees</b>.</p>");
        assertThat(outbox.waiting()).isZero();
        assertThat(row(id).get("attempts")).isEqualTo(1);
        assertThat(sender.sendDue()).as("nothing is sent twice").isZero();
        assertThat(smtp.server().getReceivedMessages()).hasSize(1);
    }

    @Test
    void aPlainMailIsOneTextPart() throws Exception {
        smtp = TestSmtp.up();
        outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "A question", "Is walking good?"));

        new OutboxSender(jdbi, smtp.transport(), clock).sendDue();

        MimeMessage mail = smtp.server().getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(mail.getContent().toString()).isEqualTo("Is walking good?");
    }

    @Test
    void whileTheServerIsDownAttemptsGrowAndBackOffAndOnceItIsUpTheMailGoes() {
        smtp = TestSmtp.down();
        long id = outbox.enqueue(OutgoingMail.plain("comment-reply", "reader@example.org", "A reply", "Thanks!"));
        OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock);

        assertThat(sender.sendDue()).isZero();
        assertThat(row(id)).containsEntry("attempts", 1)
                .containsEntry("next_attempt", clock.instant().plus(Duration.ofSeconds(30)).toEpochMilli());
        assertThat((String) row(id).get("last_error")).contains("Cannot connect to 127.0.0.1:").doesNotContain("reader@");

        assertThat(sender.sendDue()).as("not due yet").isZero();
        assertThat(row(id)).containsEntry("attempts", 1);

        clock.advance(Duration.ofSeconds(30));
        sender.sendDue();
        assertThat(row(id)).containsEntry("attempts", 2)
                .containsEntry("next_attempt", clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli());
        clock.advance(Duration.ofMinutes(1));
        sender.sendDue();
        assertThat(row(id)).containsEntry("attempts", 3)
                .containsEntry("next_attempt", clock.instant().plus(Duration.ofMinutes(2)).toEpochMilli());
        assertThat(outbox.waiting()).as("nothing is lost").isEqualTo(1);

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.server().getReceivedMessages()).hasSize(1);
        assertThat(row(id).get("sent_at")).isEqualTo(clock.millis());
        assertThat(row(id).get("last_error")).isNull();
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void theWaitDoublesFromThirtySecondsToAnHourAndNeverEnds() {
        assertThat(OutboxSender.backOff(1)).hasSeconds(30);
        assertThat(OutboxSender.backOff(2)).hasMinutes(1);
        assertThat(OutboxSender.backOff(3)).hasMinutes(2);
        assertThat(OutboxSender.backOff(4)).hasMinutes(4);
        assertThat(OutboxSender.backOff(7)).hasMinutes(32);
        assertThat(OutboxSender.backOff(8)).hasHours(1);
        assertThat(OutboxSender.backOff(1000)).hasHours(1);
    }

    @Test
    void aMalformedRecipientIsKeptAsRefusedAndTriedAgainOnlyWhenAsked() {
        smtp = TestSmtp.up();
        long bad = outbox.enqueue(OutgoingMail.plain("contact", "not an address", "Hello", "Hi"));
        long good = outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "Hello", "Hi"));
        OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock);

        assertThat(sender.sendDue()).as("a refusal does not hold up the others").isEqualTo(1);
        assertThat(row(bad)).containsEntry("next_attempt", OutboxRepository.REFUSED).containsEntry("attempts", 1);
        assertThat((String) row(bad).get("last_error")).startsWith("refused: ");
        assertThat(row(good).get("sent_at")).isNotNull();
        clock.advance(Duration.ofDays(30));
        assertThat(sender.sendDue()).isZero();
        assertThat(row(bad)).containsEntry("attempts", 1);
        assertThat(sender.report(10).counts()).isEqualTo(new OutboxReport.Counts(0, 0, 1, 0, 0));
        assertThat(sender.report(10).recent()).extracting(OutboxReport.Row::state)
                .containsExactly(MailState.SENT, MailState.REFUSED);

        assertThat(sender.makeAllDue()).isEqualTo(1);
        sender.sendDue();
        assertThat(row(bad)).containsEntry("attempts", 2);
        assertThat(outbox.waiting()).as("kept, never dropped").isEqualTo(1);
    }

    @Test
    void withoutAnSmtpServerMailWaits() {
        outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "Hello", "Hi"));
        OutboxSender sender = new OutboxSender(jdbi, null, clock);

        sender.start();
        assertThat(sender.sendDue()).isZero();
        sender.close();

        assertThat(sender.configured()).isFalse();
        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(row(1)).containsEntry("attempts", 0);
    }

    @Test
    void aMailClaimedByAProcessThatDiedIsSentOnceItsClaimLapses() {
        smtp = TestSmtp.up();
        long id = outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "Hello", "Hi"));
        OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock);
        Instant claimedUntil = clock.instant().plus(OutboxSender.LEASE);
        jdbi.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET claimed_until = :until WHERE id = :id")
                .bind("until", claimedUntil).bind("id", id).execute());

        assertThat(sender.sendDue()).as("another sender holds it").isZero();
        assertThat(sender.report(10).recent().get(0).state()).isEqualTo(MailState.SENDING);
        clock.advance(OutboxSender.LEASE.plusSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.server().getReceivedMessages()).hasSize(1);
    }

    @Test
    void theBackgroundSenderWakesWhenMailIsEnqueued() {
        smtp = TestSmtp.up();
        OutboxSender sender = new OutboxSender(jdbi, smtp.transport(), clock);
        outbox.onEnqueue(sender::wake);
        sender.start();
        try {
            site.site().transactor.run(() -> outbox.enqueue(OutgoingMail.plain("contact", "doctor@example.org", "Hello", "Hi")));
            assertThat(smtp.server().waitForIncomingEmail(OutboxSender.POLL.toMillis() - 1000, 1))
                    .as("sent before the next poll").isTrue();
        } finally {
            sender.close();
        }
    }

    private Map<String, Object> row(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT attempts, next_attempt, last_error, sent_at, claimed_until FROM mail_outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }
}
