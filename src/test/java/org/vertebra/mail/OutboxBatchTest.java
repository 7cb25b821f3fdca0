package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * The sender takes due mails a batch at a time with one claim and marks them sent a few at once;
 * a mail that fails holds up no other, and a batch a dead sender held goes out once its claim lapses.
 * On SQLite and PostgreSQL.
 */
class OutboxBatchTest {

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    @AutoClose
    private TestSite site;
    @AutoClose
    private TestSmtp smtp;
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger sentMarks = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mailsGoOutABatchAClaimAndAreMarkedSentTenAtATime(TestDatabase kind) {
        Outbox outbox = open(kind);
        smtp = TestSmtp.up();
        int queued = OutboxSender.BATCH * 2 + 5;
        outbox.enqueueAll(IntStream.range(0, queued)
                .mapToObj(i -> OutgoingMail.plain("contact", "reader" + i + "@example.org", "Mail " + i, "Text")).toList());
        OutboxSender sender = new OutboxSender(jdbi(), smtp.transport(), clock);

        assertThat(sender.sendDue()).isEqualTo(queued);

        assertThat(claims).as("claims: two full batches and the rest").hasValue(3);
        assertThat(sentMarks).as("writes that mark mails sent: 10 + 10, 10 + 10, 5").hasValue(5);
        assertThat(receivedBy()).hasSize(queued).allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1L));
        assertThat(outbox.waiting()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecipientTheServerCannotTakeHoldsUpNoneOfTheOthersInItsBatch(TestDatabase kind) {
        Outbox outbox = open(kind);
        smtp = TestSmtp.up();
        long bad = 0;
        for (int i = 0; i < 6; i++) {
            long id = outbox.enqueue(OutgoingMail.plain("contact", i == 1 ? "not an address" : "reader" + i + "@example.org", "Hello", "Hi"));
            bad = i == 1 ? id : bad;
        }
        OutboxSender sender = new OutboxSender(jdbi(), smtp.transport(), clock);

        assertThat(sender.sendDue()).isEqualTo(5);

        assertThat(claims).hasValue(1);
        assertThat(receivedBy()).containsOnlyKeys("reader0@example.org", "reader2@example.org", "reader3@example.org",
                "reader4@example.org", "reader5@example.org");
        assertThat(row(bad)).containsEntry("next_attempt", OutboxRepository.REFUSED).containsEntry("attempts", 1);
        assertThat(outbox.waiting()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredMailThatCannotBeReadIsSetAsideAsRefusedAndHoldsUpNoOther(TestDatabase kind) {
        Outbox outbox = open(kind);
        smtp = TestSmtp.up();
        long broken = outbox.enqueue(OutgoingMail.plain("contact", "broken@example.org", "Hello", "Hi"));
        outbox.enqueue(OutgoingMail.plain("contact", "after@example.org", "Hello", "Hi"));
        jdbi().useHandle(h -> h.createUpdate("UPDATE mail_outbox SET headers_json = '{not json' WHERE id = :id")
                .bind("id", broken).execute());
        OutboxSender sender = new OutboxSender(jdbi(), smtp.transport(), clock);

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).as("the broken row is not taken again").isZero();

        assertThat(receivedBy()).containsOnlyKeys("after@example.org");
        assertThat(row(broken)).containsEntry("next_attempt", OutboxRepository.REFUSED).containsEntry("attempts", 1)
                .containsEntry("claimed_until", null);
        String reason = jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM mail_outbox WHERE id = :id")
                .bind("id", broken).mapTo(String.class).one());
        assertThat(reason).startsWith("The stored mail could not be read");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenTheServerCannotBeReachedOnlyTheFirstMailCountsAnAttemptAndTheRestAreLetGoAtOnce(TestDatabase kind) {
        Outbox outbox = open(kind);
        smtp = TestSmtp.down();
        long first = outbox.enqueue(OutgoingMail.plain("contact", "first@example.org", "Hello", "Hi"));
        long second = outbox.enqueue(OutgoingMail.plain("contact", "second@example.org", "Hello", "Hi"));
        long third = outbox.enqueue(OutgoingMail.plain("contact", "third@example.org", "Hello", "Hi"));
        OutboxSender sender = new OutboxSender(jdbi(), smtp.transport(), clock);

        assertThat(sender.sendDue()).isZero();
        assertThat(row(first)).containsEntry("attempts", 1)
                .containsEntry("next_attempt", clock.instant().plus(OutboxSender.FIRST_RETRY).toEpochMilli());
        for (long other : List.of(second, third)) {
            assertThat(row(other)).containsEntry("attempts", 0).containsEntry("claimed_until", null);
        }

        smtp.start();
        assertThat(sender.sendDue()).as("the two others, without waiting for their claim to lapse").isEqualTo(2);
        assertThat(receivedBy()).containsOnlyKeys("second@example.org", "third@example.org");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchClaimedByASenderThatDiedGoesOutOnceItsClaimLapses(TestDatabase kind) {
        Outbox outbox = open(kind);
        smtp = TestSmtp.up();
        outbox.enqueueAll(IntStream.range(0, OutboxSender.BATCH + 3)
                .mapToObj(i -> OutgoingMail.plain("contact", "reader" + i + "@example.org", "Mail " + i, "Text")).toList());
        Instant now = clock.instant();
        List<QueuedMail> held = new OutboxRepository(jdbi()).claim(now, now.plus(OutboxSender.LEASE), OutboxSender.BATCH);
        assertThat(held).hasSize(OutboxSender.BATCH);
        OutboxSender sender = new OutboxSender(jdbi(), smtp.transport(), clock);

        assertThat(sender.sendDue()).as("only those no one holds").isEqualTo(3);
        clock.advance(OutboxSender.LEASE.minusSeconds(1));
        assertThat(sender.sendDue()).as("held a second longer").isZero();
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(sender.sendDue()).isEqualTo(OutboxSender.BATCH);

        assertThat(receivedBy()).hasSize(OutboxSender.BATCH + 3).allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1L));
        assertThat(outbox.waiting()).isZero();
    }

    private Outbox open(TestDatabase kind) {
        site = TestSite.open(kind, folder, clock);
        jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                String sql = context.getRenderedSql();
                if (sql.startsWith("UPDATE mail_outbox SET claimed_until = ") && sql.endsWith("RETURNING id")) {
                    claims.incrementAndGet();
                } else if (sql.strip().startsWith("UPDATE mail_outbox SET sent_at")) {
                    sentMarks.incrementAndGet();
                }
            }
        });
        return site.site().outbox;
    }

    private Jdbi jdbi() {
        return site.site().database.jdbi();
    }

    /** How many mails each address received. */
    private Map<String, Long> receivedBy() {
        return Arrays.stream(smtp.server().getReceivedMessages()).map(OutboxBatchTest::to)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static String to(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> row(long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT attempts, next_attempt, claimed_until FROM mail_outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }
}
