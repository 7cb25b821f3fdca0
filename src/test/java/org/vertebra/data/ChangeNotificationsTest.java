package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Settings;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** PostgreSQL's LISTEN/NOTIFY wakes a node when another commits a change; a lost connection catches up. */
class ChangeNotificationsTest {

    @TempDir
    Path folder;

    @Test
    void aCommittedChangeWakesTheListenerAndALostConnectionIsReplacedWithACatchUp() throws Exception {
        try (TestSite site = TestSite.open(TestDatabase.POSTGRES, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            Settings settings = site.site().settings;
            AtomicInteger checks = new AtomicInteger();
            try (ChangeNotifications listener = new ChangeNotifications(
                    () -> Database.connect(settings.dbUrl(), settings.dbUser(), settings.dbPassword()), checks::incrementAndGet)) {
                listener.start();
                waitFor(() -> checks.get() == 1); // the catch-up when it first connects

                site.site().transactor.run(site.site().changes::bump);
                waitFor(() -> checks.get() == 2);

                int killed = site.site().database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND query LIKE 'LISTEN%'""").mapTo(Integer.class).one());
                assertThat(killed).isEqualTo(1);
                waitFor(() -> checks.get() == 3); // reconnected, and looked at the counter again

                site.site().transactor.run(site.site().changes::bump);
                waitFor(() -> checks.get() == 4);
            }
        }
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        try (TestSite site = TestSite.open(TestDatabase.POSTGRES, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            Settings settings = site.site().settings;
            AtomicInteger checks = new AtomicInteger();
            try (ChangeNotifications listener = new ChangeNotifications(
                    () -> Database.connect(settings.dbUrl(), settings.dbUser(), settings.dbPassword()), checks::incrementAndGet)) {
                listener.start();
                waitFor(() -> checks.get() == 1);
                try {
                    site.site().transactor.run(() -> {
                        site.site().changes.bump();
                        throw new IllegalStateException("the unit of work fails");
                    });
                } catch (IllegalStateException expected) {
                    // rolled back
                }
                site.site().transactor.run(site.site().changes::bump);
                waitFor(() -> checks.get() >= 2);
                Thread.sleep(300);
                assertThat(checks.get()).isEqualTo(2);
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
