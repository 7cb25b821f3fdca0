package org.vertebra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.support.CommandRun;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * The audit log's chain on SQLite and PostgreSQL: appended by two servers at once it stays one
 * chain; a row changed or deleted by raw SQL makes {@code vertebra audit verify} fail naming that
 * row; pruning past the retention leaves a signed checkpoint from which the rest still verifies.
 */
class AuditChainTest {

    @TempDir
    Path temp;

    private static void events(AuditLog audit, int count, String who) {
        for (int i = 0; i < count; i++) {
            audit.record(Actor.account(7, who, "192.0.2." + (i % 250), "req-" + who + "-" + i), AuditAction.SETTINGS_CHANGED,
                    AuditObject.settings("identity", "title"));
        }
    }

    private CommandRun verify(TestSite test) throws java.io.IOException {
        Site site = test.site();
        // The command reads the site as an operator's would: its data folder (with the key file) and its database.
        Path data = site.settings.dataDir();
        Files.writeString(data.resolve("vertebra.properties"), "db.user=" + site.settings.dbUser() + "\ndb.password="
                + site.settings.dbPassword() + "\n");
        return CommandRun.of("audit", "verify", "--data", data.toString(), "--db", site.settings.dbUrl());
    }

    private static void sql(TestSite test, String statement) {
        test.site().database.jdbi().useHandle(h -> h.execute(statement));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoServersAppendingAtOnceMakeOneChainThatVerifies(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock);
             Site second = Site.open(test.site().settings, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> runs = new ArrayList<>();
            for (AuditLog audit : List.of(test.site().audit, second.audit, test.site().audit, second.audit)) {
                runs.add(pool.submit(() -> events(audit, 25, "writer")));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            ChainCheck check = test.site().audit.check();
            assertThat(check.intact()).as(check.problem() == null ? "" : check.problem()).isTrue();
            assertThat(check.rows()).isEqualTo(100);
            assertThat(second.audit.page(AuditFilter.ALL, 200)).extracting(AuditEntry::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList());
            CommandRun run = verify(test);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("audit log verified: 100 rows");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowChangedByRawSqlFailsVerifyNamingThatRow(TestDatabase kind) throws Exception {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-01T09:00:00Z"))) {
            events(test.site().audit, 10, "editor");
            sql(test, "UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 4");

            CommandRun run = verify(test);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("does not verify at row 4", "changed after it was written");
            assertThat(test.site().audit.check().badSeq()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowWhoseHashWasRecomputedStillBreaksTheChainAtTheNextRow(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-01T09:00:00Z"))) {
            events(test.site().audit, 5, "editor");
            AuditEntry third = test.site().audit.page(AuditFilter.ALL, 10).stream().filter(e -> e.seq() == 3).findFirst().orElseThrow();
            AuditEntry forged = new AuditEntry(3, third.occurredAt(), third.actorId(), "forger", third.addressHash(), third.action(),
                    third.objectType(), third.objectId(), third.detail(), third.outcome(), third.requestId(), third.prevHash(), null);
            sql(test, "UPDATE audit_events SET actor_name = 'forger', hash = '" + forged.expectedHash() + "' WHERE seq = 3");

            ChainCheck check = test.site().audit.check();
            assertThat(check.intact()).isFalse();
            assertThat(check.badSeq()).isEqualTo(4);
            assertThat(check.problem()).contains("does not follow the row before it");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowDeletedByRawSqlFailsVerifyNamingThatRow(TestDatabase kind) throws Exception {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-01T09:00:00Z"))) {
            events(test.site().audit, 10, "editor");
            sql(test, "DELETE FROM audit_events WHERE seq = 6");

            CommandRun run = verify(test);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("does not verify at row 6", "missing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLastRowsCutFromTheEndFailVerifyNamingTheFirstOfThem(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-01T09:00:00Z"))) {
            events(test.site().audit, 10, "editor");
            sql(test, "DELETE FROM audit_events WHERE seq >= 9");

            ChainCheck check = test.site().audit.check();
            assertThat(check.intact()).isFalse();
            assertThat(check.badSeq()).isEqualTo(9);
            assertThat(check.problem()).contains("written up to row 10");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pruningRemovesRowsPastTheRetentionAndTheRestStillVerifies(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2019-01-10T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            AuditLog audit = test.site().audit;
            events(audit, 6, "old");
            clock.advance(Duration.ofDays(365 * 6 + 30)); // past six years for the first six rows
            events(audit, 4, "recent");

            AuditLog.Pruned pruned = audit.prune(Actor.commandLine("audit prune"));

            assertThat(pruned.rows()).isEqualTo(6);
            assertThat(pruned.upToSeq()).isEqualTo(6);
            ChainCheck check = audit.check();
            assertThat(check.intact()).isTrue();
            assertThat(check.fromSeq()).isEqualTo(7);
            assertThat(check.rows()).isEqualTo(5); // the four recent ones and the record of the pruning
            assertThat(check.checkpointAt()).isEqualTo(clock.instant());
            assertThat(audit.page(AuditFilter.ALL, 1).get(0).action()).isEqualTo("audit-pruned");
            CommandRun run = verify(test);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("5 rows from row 7", "pruned");

            sql(test, "DELETE FROM audit_events WHERE seq = 7"); // the first row after the checkpoint
            assertThat(audit.check().badSeq()).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCheckpointForgedWithoutTheSiteKeyFailsVerify(TestDatabase kind) {
        TestClock clock = TestClock.at("2019-01-10T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            AuditLog audit = test.site().audit;
            events(audit, 6, "old");
            clock.advance(Duration.ofDays(365 * 7));
            events(audit, 2, "recent");
            audit.prune(Actor.commandLine("audit prune"));
            // Someone with only the database removes a row after the checkpoint and moves the checkpoint past it.
            sql(test, "DELETE FROM audit_events WHERE seq = 7");
            sql(test, "UPDATE audit_checkpoints SET last_seq = 7, last_hash = (SELECT prev_hash FROM audit_events WHERE seq = 8)");

            ChainCheck check = audit.check();
            assertThat(check.intact()).isFalse();
            assertThat(check.problem()).contains("not signed with this site's key");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pruningRefusesABrokenChainAndKeepsTheEvidence(TestDatabase kind) {
        TestClock clock = TestClock.at("2019-01-10T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            AuditLog audit = test.site().audit;
            events(audit, 6, "old");
            clock.advance(Duration.ofDays(365 * 7));
            sql(test, "UPDATE audit_events SET detail = 'nothing' WHERE seq = 2");

            assertThatThrownBy(() -> audit.prune(Actor.commandLine("audit prune"))).isInstanceOf(AuditLog.ChainBroken.class)
                    .hasMessageContaining("row 2");
            assertThat(audit.page(AuditFilter.ALL, 100)).hasSize(6);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void filtersByActorActionOutcomeAndDaysAndPagesByKeyset(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            AuditLog audit = test.site().audit;
            audit.record(Actor.anonymous("198.51.100.7", "r1"), AuditAction.SIGN_IN_FAILED, AuditObject.NONE, AuditOutcome.REFUSED);
            audit.record(Actor.account(3, "Dr Ada", "198.51.100.8", "r2"), AuditAction.SIGN_IN, AuditObject.account(3));
            clock.advance(Duration.ofDays(2));
            audit.record(Actor.account(3, "Dr Ada", "198.51.100.8", "r3"), AuditAction.HEALTH_DATA_VIEWED, AuditObject.booking(12));
            audit.record(Actor.account(4, "Ed Itor", "198.51.100.9", "r4"), AuditAction.ARTICLE_PUBLISHED, AuditObject.article(5));

            assertThat(audit.page(new AuditFilter("dr ada", null, null, null, null, null), 10)).extracting(AuditEntry::requestId)
                    .containsExactly("r3", "r2");
            assertThat(audit.page(new AuditFilter("4", null, null, null, null, null), 10)).extracting(AuditEntry::requestId)
                    .containsExactly("r4");
            assertThat(audit.page(new AuditFilter("anonymous", null, AuditOutcome.REFUSED, null, null, null), 10))
                    .extracting(AuditEntry::requestId).containsExactly("r1");
            assertThat(audit.page(new AuditFilter(null, AuditAction.HEALTH_DATA_VIEWED, null, null, null, null), 10))
                    .extracting(AuditEntry::objectId).containsExactly("12");
            assertThat(audit.page(new AuditFilter(null, null, null, java.time.LocalDate.parse("2026-03-01"),
                    java.time.LocalDate.parse("2026-03-01"), null), 10)).extracting(AuditEntry::requestId).containsExactly("r2", "r1");
            assertThat(audit.page(new AuditFilter(null, null, null, java.time.LocalDate.parse("2026-03-02"), null, null), 10))
                    .extracting(AuditEntry::requestId).containsExactly("r4", "r3");
            assertThat(audit.page(AuditFilter.ALL.startingBelow(3), 1)).extracting(AuditEntry::requestId).containsExactly("r2");
            AuditEntry anonymous = audit.page(AuditFilter.ALL, 10).get(3);
            assertThat(anonymous.addressHash()).hasSize(43).doesNotContain("198.51.100.7");
            assertThat(anonymous.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        }
    }
}
