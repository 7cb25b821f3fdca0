package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.data.JobLeases;
import org.vertebra.module.Chore;
import org.vertebra.monitor.SiteMetrics;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The hourly housekeeping runs every feature's chores, on the one server that holds the hour's lease. */
class HousekeepingTest {

    @TempDir
    Path temp;

    @Test
    void aFailingChoreDoesNotStopTheOthersAndTheRunCountsAsFailed() {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, clock)) {
            List<String> done = new ArrayList<>();
            SiteMetrics metrics = new SiteMetrics();
            Housekeeping housekeeping = new Housekeeping(test.site().leases, List.of(
                    new Chore("first", () -> { done.add("first"); return 1; }),
                    new Chore("broken", () -> { throw new IllegalStateException("the table is gone"); }),
                    Chore.quiet("last", () -> done.add("last"))), metrics);

            housekeeping.runOnce();

            assertThat(done).containsExactly("first", "last");
            assertThat(metrics.scrape()).contains("vertebra_job_runs_total{job=\"housekeeping\",outcome=\"failed\"} 1");
            housekeeping.close();
        }
    }

    @Test
    void onlyTheServerHoldingTheHoursLeaseRunsTheChores() {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, clock)) {
            List<String> done = new ArrayList<>();
            new JobLeases(test.site().database.jdbi(), clock).claim(Housekeeping.JOB, Housekeeping.LEASE); // another server's
            Housekeeping housekeeping = new Housekeeping(test.site().leases, List.of(Chore.quiet("chore", () -> done.add("ran"))),
                    new SiteMetrics());

            housekeeping.runOnce();
            assertThat(done).isEmpty();

            clock.advance(Housekeeping.EVERY);
            housekeeping.runOnce();
            assertThat(done).containsExactly("ran");
            housekeeping.close();
        }
    }

    @Test
    void everyFeaturesChoresAreInTheSitesHousekeeping() {
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            List<String> chores = new ArrayList<>();
            test.site().features().inOrder().forEach(feature -> feature.chores().forEach(c -> chores.add(feature.name() + ": " + c.name())));

            assertThat(chores).contains("account: ended sessions and old sign-in failures forgotten",
                    "desk: articles deleted from the trash", "newsletter: newsletter digest sent when due",
                    "consult: expired health data erased", "reading: expired reading lists deleted",
                    "stats: past visitors' hashes forgotten", "redirect: old paths not found forgotten",
                    "audit: audit log pruned", "spam: old form counts forgotten");
        }
    }
}
