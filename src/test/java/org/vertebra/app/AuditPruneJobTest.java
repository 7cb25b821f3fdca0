package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditFilter;
import org.vertebra.audit.AuditObject;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The daily prune of the audit log: not at start (before the server listens), then with the next hour's housekeeping. */
class AuditPruneJobTest {

    @TempDir
    Path temp;

    @Test
    void prunesRowsPastTheRetentionWithTheFirstHourlyRunNotAtStart() {
        TestClock clock = TestClock.at("2019-01-10T09:00:00Z");
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, clock)) {
            Site site = test.site();
            for (int i = 0; i < 3; i++) {
                site.audit.record(Actor.commandLine("test"), AuditAction.BACKUP_MADE, AuditObject.of("backup", "old-" + i));
            }
            clock.advance(Duration.ofDays(365 * 7));
            site.audit.record(Actor.commandLine("test"), AuditAction.BACKUP_MADE, AuditObject.of("backup", "recent"));
            Housekeeping housekeeping = site.features().housekeeping;

            housekeeping.runOnce(); // as at start
            assertThat(site.audit.page(AuditFilter.ALL, 10)).hasSize(4);

            clock.advance(Housekeeping.EVERY);
            housekeeping.runOnce();
            assertThat(site.audit.page(AuditFilter.ALL, 10)).extracting(e -> e.action() + " " + e.objectId())
                    .containsExactly("audit-pruned 3", "backup-made recent");
            assertThat(site.audit.check().intact()).isTrue();
            assertThat(site.audit.check().fromSeq()).isEqualTo(4);
            housekeeping.close();
        }
    }
}
