package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rounds of a background queue: on at once while there is more, a wake, a failure, a stop. */
class RoundWorkerTest {

    private static final Duration LONG_POLL = Duration.ofMinutes(10);

    @Test
    void goesOnWithoutWaitingForThePollWhileARoundLeavesMore() throws InterruptedException {
        CountDownLatch fiveRounds = new CountDownLatch(5);
        try (RoundWorker worker = new RoundWorker("test-rounds", LONG_POLL, Duration.ofSeconds(5), () -> {
            fiveRounds.countDown();
            return fiveRounds.getCount() > 0;
        })) {
            worker.start();
            assertThat(fiveRounds.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aWakeRunsARoundAtOnceAndAFailedRoundDoesNotStopTheThread() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (RoundWorker worker = new RoundWorker("test-wake", LONG_POLL, Duration.ofSeconds(5), () -> {
            rounds.incrementAndGet();
            third.countDown();
            if (rounds.get() == 2) {
                throw new IllegalStateException("the database went away");
            }
            return false;
        })) {
            worker.start();
            awaitRounds(rounds, 1);
            worker.wake();
            awaitRounds(rounds, 2); // the failing round
            worker.wake();
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeStopsItAndNoRoundRunsAfter() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        RoundWorker worker = new RoundWorker("test-stop", Duration.ofMillis(10), Duration.ofSeconds(5), () -> {
            rounds.incrementAndGet();
            return false;
        });
        worker.start();
        awaitRounds(rounds, 2);
        worker.close();
        int atClose = rounds.get();
        Thread.sleep(100);
        assertThat(rounds.get()).isEqualTo(atClose);
    }

    private static void awaitRounds(AtomicInteger rounds, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rounds.get() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(count);
    }
}
