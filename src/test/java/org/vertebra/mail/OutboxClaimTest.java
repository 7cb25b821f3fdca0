package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Several senders on one database, as several servers are: each mail goes out exactly once. */
class OutboxClaimTest {

    static final int MAILS = 40;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoSendersAtOnceSendEveryMailExactlyOnce(TestDatabase kind) throws Exception {
        try (TestSite site = TestSite.open(kind, folder, Clock.systemUTC()); TestSmtp smtp = TestSmtp.up()) {
            for (int i = 0; i < MAILS; i++) {
                site.site().outbox.enqueue(OutgoingMail.plain("test", "reader" + i + "@example.org", "Mail " + i, "Body " + i));
            }
            List<OutboxSender> senders = List.of(
                    new OutboxSender(site.site().database.jdbi(), smtp.transport(), Clock.systemUTC()),
                    new OutboxSender(site.site().database.jdbi(), smtp.transport(), Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            CountDownLatch ready = new CountDownLatch(senders.size());
            List<Future<Integer>> rounds = new ArrayList<>();
            for (OutboxSender sender : senders) {
                rounds.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return sender.sendDue();
                }));
            }
            int sent = 0;
            for (Future<Integer> round : rounds) {
                sent += round.get();
            }
            pool.shutdown();

            assertThat(sent).isEqualTo(MAILS);
            MimeMessage[] received = smtp.server().getReceivedMessages();
            assertThat(received).hasSize(MAILS);
            assertThat(java.util.Arrays.stream(received).map(OutboxClaimTest::subject)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .hasSize(MAILS).allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1L));
            assertThat(site.site().outbox.waiting()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimIsTakenOnceAndHeldUntilItLapses(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, Clock.systemUTC())) {
            long id = site.site().outbox.enqueue(OutgoingMail.plain("test", "reader@example.org", "Hello", "Hi"));
            OutboxRepository repository = new OutboxRepository(site.site().database.jdbi());
            java.time.Instant now = java.time.Instant.now();

            assertThat(repository.due(now, 10)).containsExactly(id);
            assertThat(repository.claim(id, now, Duration.ofMinutes(2))).isPresent();
            assertThat(repository.claim(id, now, Duration.ofMinutes(2))).as("held by the first").isEmpty();
            assertThat(repository.due(now, 10)).isEmpty();
            assertThat(repository.claim(id, now.plus(Duration.ofMinutes(3)), Duration.ofMinutes(2))).as("lapsed").isPresent();
            repository.markSent(id, now);
            assertThat(repository.claim(id, now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(2))).as("sent").isEmpty();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
