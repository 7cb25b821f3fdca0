package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * Sent mail is kept 90 days, then the mail chore deletes it; a mail that waits, or was refused, is
 * never deleted by age, and a shared body goes once its last mail has. On SQLite and PostgreSQL.
 */
class SentMailRetentionTest {

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    @AutoClose
    private TestSite site;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesMailSentLongerAgoThanItIsKeptAndKeepsTheRest(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.enqueue(OutgoingMail.plain("contact", "old@example.org", "Sent long ago", "Thanks"));
        outbox.enqueue(OutgoingMail.plain("contact", "recent@example.org", "Sent lately", "Thanks"));
        outbox.enqueue(OutgoingMail.plain("contact", "waiting@example.org", "Never sent", "Thanks"));
        markSent("old@example.org", clock.instant());
        clock.advance(Duration.ofDays(60));
        markSent("recent@example.org", clock.instant());

        clock.advance(Duration.ofDays(29));
        assertThat(outbox.deleteOldSentMail()).as("89 days after the first was sent").isZero();

        clock.advance(Duration.ofDays(2));
        assertThat(outbox.deleteOldSentMail()).isEqualTo(1);
        assertThat(recipients()).containsExactly("recent@example.org", "waiting@example.org");
        assertThat(outbox.waiting()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesMoreThanOneStatementTakesAndTheSharedBodyAfterThem(TestDatabase kind) {
        Outbox outbox = open(kind);
        int many = Outbox.DELETED_AT_ONCE + 3;
        outbox.enqueueAll(SharedMailTest.NEWS, SharedMailTest.recipients(
                IntStream.range(0, many).mapToObj(i -> "reader" + i).toArray(String[]::new)));
        Instant sent = clock.instant();
        new OutboxRepository(jdbi()).markSent(ids().stream().collect(Collectors.toMap(id -> id, id -> sent)));

        clock.advance(Outbox.SENT_KEPT.plusDays(1));

        assertThat(outbox.deleteOldSentMail()).isEqualTo(many);
        assertThat(recipients()).isEmpty();
        assertThat(outbox.deleteUnusedBodies()).isEqualTo(1);
    }

    private void markSent(String recipient, Instant at) {
        long id = jdbi().withHandle(h -> h.createQuery("SELECT id FROM mail_outbox WHERE recipient = :to")
                .bind("to", recipient).mapTo(Long.class).one());
        new OutboxRepository(jdbi()).markSent(Map.of(id, at));
    }

    private List<Long> ids() {
        return jdbi().withHandle(h -> h.createQuery("SELECT id FROM mail_outbox").mapTo(Long.class).list());
    }

    private List<String> recipients() {
        return jdbi().withHandle(h -> h.createQuery("SELECT recipient FROM mail_outbox ORDER BY recipient")
                .mapTo(String.class).list());
    }

    private Outbox open(TestDatabase kind) {
        site = TestSite.open(kind, folder, clock);
        return site.site().outbox;
    }

    private Jdbi jdbi() {
        return site.site().database.jdbi();
    }
}
