package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditFilter;
import org.vertebra.content.KeyPoints;
import org.vertebra.reading.ReadingCommand;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Housekeeping deletes reading lists once their link has expired, and only those, with one audit entry. */
class ExpiredReadingListsJobTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHourlyRunDeletesTheListsWhoseLinkHasExpired(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            User asha = site.accounts.addUser("asha@clinic.example", "Dr Asha Raman", AccountRole.DOCTOR, "a long enough password");
            Actor doctor = Actor.account(asha.id(), asha.name(), "127.0.0.1", null);
            Article knee = site.articleWriter.save(new ArticleDraft(Article.POST, "knee", "Knee Pain", "About knees.", "Text.", null, null,
                    Article.PUBLISHED, clock.instant().minus(Duration.ofDays(1)), null, null, null, "None.", false, List.of(),
                    KeyPoints.NONE)).article();
            site.reading.send(new ReadingCommand(List.of(knee.id()), null, "old@example.org", null), doctor);
            clock.advance(Duration.ofDays(30));
            site.reading.send(new ReadingCommand(List.of(knee.id()), null, "new@example.org", null), doctor);
            Housekeeping housekeeping = site.features().housekeeping;

            clock.advance(Duration.ofDays(60).minus(Housekeeping.EVERY));
            housekeeping.runOnce();
            assertThat(site.reading.lists(null)).hasSize(2);

            clock.advance(Housekeeping.EVERY);
            housekeeping.runOnce();
            assertThat(site.reading.lists(null)).singleElement().satisfies(l -> assertThat(l.patient()).isEqualTo("n***@example.org"));
            assertThat(site.audit.page(AuditFilter.ALL, 20)).filteredOn(e -> e.action().equals("reading-list-purged"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.detail()).isEqualTo("1 expired list");
                        assertThat(e.actorName()).isEqualTo("command line: vertebra housekeeping");
                    });
            housekeeping.close();
        }
    }
}
