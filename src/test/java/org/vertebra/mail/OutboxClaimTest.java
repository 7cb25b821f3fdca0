package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.support.TwoNodes;

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

    /**
     * Two servers on one PostgreSQL database, each with its own pool, sending a queue of ordinary
     * mails and mails of a shared body round after round at once: every mail arrives exactly once.
     */
    @Test
    void twoNodesSendingAQueueAtOnceSendEveryMailExactlyOnce() throws Exception {
        try (TwoNodes nodes = TwoNodes.onPostgres(folder); TestSmtp smtp = TestSmtp.up()) {
            Outbox outbox = nodes.a().site().outbox;
            int shared = 120;
            int plain = 40;
            for (int from = 0; from < shared; from += 30) {
                outbox.enqueueAll(SharedMailTest.NEWS, IntStream.range(from, from + 30)
                        .mapToObj(i -> new MailTemplate.Recipient("news" + i + "@example.org",
                                Map.of("leave", "https://clinic.example/leave/?who=" + i))).toList());
            }
            IntStream.range(0, plain).forEach(i -> outbox.enqueue(OutgoingMail.plain("test", "plain" + i + "@example.org", "Mail " + i, "Hi")));
            List<OutboxSender> senders = List.of(
                    new OutboxSender(nodes.a().site().database.jdbi(), smtp.transport(), Clock.systemUTC()),
                    new OutboxSender(nodes.b().site().database.jdbi(), smtp.transport(), Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            List<Future<Integer>> work = new ArrayList<>();
            for (OutboxSender sender : senders) {
                work.add(pool.submit(() -> {
                    int sent = 0;
                    for (int round = 0; round < 100 && outbox.waiting() > 0; round++) {
                        sent += sender.sendDue();
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> each : work) {
                sent += each.get();
            }
            pool.shutdown();

            assertThat(sent).isEqualTo(shared + plain);
            assertThat(java.util.Arrays.stream(smtp.server().getReceivedMessages()).map(OutboxBatchTest::to)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .hasSize(shared + plain).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1L));
            assertThat(outbox.waiting()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimIsTakenOnceAndHeldUntilItLapses(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, Clock.systemUTC())) {
            long id = site.site().outbox.enqueue(OutgoingMail.plain("test", "reader@example.org", "Hello", "Hi"));
            OutboxRepository repository = new OutboxRepository(site.site().database.jdbi());
            java.time.Instant now = java.time.Instant.now();
            java.time.Instant until = now.plus(Duration.ofMinutes(2));

            assertThat(repository.claim(now, until, 10)).extracting(QueuedMail::id).containsExactly(id);
            assertThat(repository.claim(now, until, 10)).as("held by the first").isEmpty();
            assertThat(repository.claim(now.plus(Duration.ofMinutes(3)), now.plus(Duration.ofMinutes(5)), 10))
                    .as("lapsed").extracting(QueuedMail::id).containsExactly(id);
            repository.markSent(java.util.Map.of(id, now));
            assertThat(repository.claim(now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(12)), 10)).as("sent").isEmpty();
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
