package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

class JobLeasesTest {

    private final TestClock clock = TestClock.at("2026-06-01T10:00:00Z");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void givesAJobToOneNodeUntilItsLeaseRunsOut(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            JobLeases a = new JobLeases(site.site().database.jdbi(), clock, "node-a");
            JobLeases b = new JobLeases(site.site().database.jdbi(), clock, "node-b");

            assertThat(a.claim("digest", Duration.ofMinutes(10))).isTrue();
            assertThat(b.claim("digest", Duration.ofMinutes(10))).isFalse();
            assertThat(a.claim("digest", Duration.ofMinutes(10))).as("the holder renews").isTrue();
            assertThat(b.holder("digest")).contains("node-a");

            clock.advance(Duration.ofMinutes(11)); // node a died and stopped renewing
            assertThat(b.claim("digest", Duration.ofMinutes(10))).isTrue();
            assertThat(a.claim("digest", Duration.ofMinutes(10))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void releasedJobGoesToTheNextNodeAtOnce(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            JobLeases a = new JobLeases(site.site().database.jdbi(), clock, "node-a");
            JobLeases b = new JobLeases(site.site().database.jdbi(), clock, "node-b");
            a.claim("outbox", Duration.ofMinutes(10));

            a.release("outbox");

            assertThat(b.claim("outbox", Duration.ofMinutes(10))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exactlyOneOfManyRacingNodesWinsAClaim(TestDatabase kind) throws Exception {
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            int nodes = 12;
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                JobLeases node = new JobLeases(site.site().database.jdbi(), clock, "node-" + i);
                Callable<Boolean> claim = () -> {
                    start.await();
                    return node.claim("housekeeping", Duration.ofMinutes(55));
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(won).isEqualTo(1);
        }
    }
}
