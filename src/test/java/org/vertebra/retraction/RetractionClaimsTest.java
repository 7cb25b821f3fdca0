package org.vertebra.retraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.reference.FakeBibliographicServices;
import org.vertebra.reference.ReferenceLookups;
import org.vertebra.reference.UpdateNotice;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The claims, answers and alerts in SQL, on both databases: two servers never ask or mail twice. */
class RetractionClaimsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimIsWonOnceAndAnAnswerStandsForAWeek(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            RetractionRepository repository = new RetractionRepository(test.site().database.jdbi());
            String id = "doi:10.5555/x";
            Instant now = clock.instant();
            repository.ensure(id);
            repository.ensure(id);

            assertThat(repository.claim(id, now.minus(RetractionService.RECHECK_AFTER), now, now.plusSeconds(600))).isTrue();
            assertThat(repository.claim(id, now.minus(RetractionService.RECHECK_AFTER), now, now.plusSeconds(600))).isFalse();

            repository.store(new CheckedIdentifier(id, CheckedIdentifier.CHECKED,
                    List.of(new UpdateNotice(UpdateNotice.RETRACTION, "10.5555/n", "Crossref")), null, now));
            assertThat(repository.find(id).orElseThrow().notices()).extracting(UpdateNotice::notice).containsExactly("10.5555/n");
            Instant tomorrow = now.plus(Duration.ofDays(1));
            assertThat(repository.claim(id, tomorrow.minus(RetractionService.RECHECK_AFTER), tomorrow, tomorrow.plusSeconds(600)))
                    .isFalse();
            Instant nextWeek = now.plus(Duration.ofDays(8));
            assertThat(repository.claim(id, nextWeek.minus(RetractionService.RECHECK_AFTER), nextWeek, nextWeek.plusSeconds(600)))
                    .isTrue();

            assertThat(repository.markAlerted(id, "10.5555/n", now)).isTrue();
            assertThat(repository.markAlerted(id, "10.5555/n", now)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoServersOnOneDatabaseAskAndMailOnce(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (FakeBibliographicServices fake = new FakeBibliographicServices();
             TestSite test = TestSite.open(kind, temp, clock, fake.crossrefUrl(), fake.pubmedUrl())) {
            Site site = test.site();
            site.accounts.addUser("editor@example.org", "Eve Editor", org.vertebra.access.AccountRole.EDITOR,
                    "a long enough password");
            site.articleWriter.save(new ArticleDraft(Article.POST, "cites", "Cites", null,
                    "Text [1].\n\n## References\n\n1. Example A. A trial. J Test. 2018;1:1. doi: "
                            + FakeBibliographicServices.RETRACTED_DOI + "\n", null, null, Article.PUBLISHED,
                    clock.instant().minus(Duration.ofDays(1)), null, null, null, "None.", false, List.of()));
            RetractionService second = new RetractionService(site.database.jdbi(), RetractionCheck.with(
                    ReferenceLookups.from(fake.crossrefUrl(), fake.pubmedUrl(), "http://vertebra.test", null, clock), clock),
                    site.articles, site.accounts, site.outbox, site.transactor, "http://vertebra.test", clock);

            int asked = site.retractions.recheckPublished() + second.recheckPublished();

            assertThat(asked).isEqualTo(1);
            assertThat(fake.requestsMatching("/works/" + FakeBibliographicServices.RETRACTED_DOI)).isEqualTo(1);
            assertThat(MailOutbox.ofKind(site, RetractionMail.KIND)).singleElement()
                    .satisfies(m -> assertThat(m.recipient()).isEqualTo("editor@example.org"));
            second.close();
        }
    }
}
