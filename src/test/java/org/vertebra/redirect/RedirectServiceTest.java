package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Redirects and the 404 log against a real database, on SQLite and PostgreSQL. */
class RedirectServiceTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

    private static RedirectChange moved(String source, String target) {
        return RedirectChange.parse(source, target, "301", "");
    }

    private static String refusal(Runnable change) {
        try {
            change.run();
        } catch (Invalid invalid) {
            return String.join(" | ", invalid.problems().stream().map(FieldProblem::message).toList());
        }
        throw new AssertionError("the change was accepted");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsARedirectByItsNormalisedPathWhateverTheQueryAndBumpsTheContentCounter(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, folder, clock)) {
            Site site = test.site();
            site.initialize(false);
            long before = site.changes.current();

            Redirect added = site.redirects.add(moved("/Old%20Page", "/new-page/"), "Ed Editor");

            assertThat(added.source()).isEqualTo("/Old Page/");
            assertThat(added.createdBy()).isEqualTo("Ed Editor");
            assertThat(added.createdAt()).isEqualTo(clock.instant());
            assertThat(site.changes.current()).isGreaterThan(before);
            assertThat(site.redirects.lookUp("/Old%20Page/")).map(Redirect::target).contains("/new-page/");
            assertThat(site.redirects.lookUp("/Old Page")).isPresent();
            assertThat(site.redirects.lookUp("/old-page/")).isEmpty();
            assertThat(site.redirects.list("old page", 1).items()).extracting(Redirect::id).containsExactly(added.id());
            assertThat(site.redirects.list("nothing like it", 1).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesReservedAddressesSelfRedirectsChainsLoopsAndPublishedArticlesAddresses(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, folder, clock)) {
            Site site = test.site();
            site.initialize(true);
            Article article = site.articles.recent(1).stream().findFirst()
                    .flatMap(card -> site.articles.published(card.slug())).orElseThrow();
            RedirectService redirects = site.redirects;
            Redirect ab = redirects.add(moved("/a/", "/b/"), "Ed");
            redirects.add(RedirectChange.parse("/removed/", "", "410", "Withdrawn"), "Ed");

            assertThat(refusal(() -> moved("/admin/users/", "/x/"))).contains("/admin/", "belong to Vertebra itself");
            assertThat(refusal(() -> moved("/media/photo.jpg", "/x/"))).contains("/media/");
            assertThat(refusal(() -> moved("no-slash/", "/x/"))).contains("starting with /");
            assertThat(refusal(() -> moved("/same", "/same/"))).contains("the old address itself");
            assertThat(refusal(() -> moved("/old/?p=1", "/x/"))).contains("path only");
            assertThat(refusal(() -> moved("/old/", "http://insecure.example/"))).contains("https://");
            assertThat(refusal(() -> redirects.add(moved("/b/", "/a/"), "Ed"))).contains("loop");
            assertThat(refusal(() -> redirects.add(moved("/b/", "/c/"), "Ed"))).contains("/a/ leads to /b/", "chain");
            assertThat(refusal(() -> redirects.add(moved("/z/", "/a/"), "Ed"))).contains("chain", "straight to /b/");
            assertThat(refusal(() -> redirects.add(moved("/z/", "/removed/"), "Ed"))).contains("chain", "Gone");
            assertThat(refusal(() -> redirects.add(moved("/a", "/elsewhere/"), "Ed"))).contains("already a redirect from /a/");
            assertThat(refusal(() -> redirects.add(moved(article.url(), "/elsewhere/"), "Ed")))
                    .contains("\u201c" + article.title() + "\u201d", "published");

            assertThat(redirects.list("", 1).total()).isEqualTo(2);
            // Editing a redirect to itself is not a chain; to the other's source it is.
            assertThat(redirects.update(ab.id(), RedirectChange.parse("/a/", "/b2/", "301", "moved again"), "Ann").target())
                    .isEqualTo("/b2/");
            assertThat(refusal(() -> redirects.update(ab.id(), moved("/a/", "/removed/"), "Ann"))).contains("chain");
            assertThat(redirects.byId(ab.id()).orElseThrow().updatedBy()).isEqualTo("Ann");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countsHitsInOneBatchWithTheLastTime(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, folder, clock)) {
            Site site = test.site();
            site.initialize(false);
            Redirect redirect = site.redirects.add(moved("/old/", "https://example.org/new/"), "Ed");
            RedirectRecorder recorder = new RedirectRecorder(site.redirects, clock);

            recorder.hit(redirect);
            recorder.hit(redirect);
            clock.advance(Duration.ofMinutes(5));
            recorder.hit(redirect);
            assertThat(site.redirects.byId(redirect.id()).orElseThrow().hits()).as("nothing written before the round").isZero();
            recorder.flush();
            recorder.hit(redirect);
            recorder.flush();

            Redirect counted = site.redirects.byId(redirect.id()).orElseThrow();
            assertThat(counted.hits()).isEqualTo(4);
            assertThat(counted.lastHit()).isEqualTo(clock.instant());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aggregatesMissesPerPathWithTheLastReferrerHostAndKeepsOnlyTheMostRecentPaths(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, folder, clock)) {
            Site site = test.site();
            site.initialize(false);
            RedirectRecorder recorder = new RedirectRecorder(site.redirects, clock);
            Instant first = clock.instant();
            recorder.missed("/gone-page/", "news.example.com");
            recorder.flush();
            clock.advance(Duration.ofHours(1));
            recorder.missed("/gone-page/", null);
            recorder.missed("/gone-page/", "forum.example.org");
            recorder.missed("/other/", null);
            recorder.flush();

            assertThat(site.redirects.mostFrequentMisses(10)).containsExactly(
                    new NotFoundPath("/gone-page/", 3, first, clock.instant(), "forum.example.org"),
                    new NotFoundPath("/other/", 1, clock.instant(), clock.instant(), null));

            // A flood of distinct addresses in one round: only so many are held, and the table keeps its cap.
            for (int i = 0; i < RedirectRecorder.PENDING_PATHS + 50; i++) {
                recorder.missed("/probe-" + i + "/", null);
            }
            recorder.flush();
            assertThat(site.redirects.missCount()).isEqualTo(RedirectService.LOG_KEPT);
            Map<String, RedirectRecorder.Tally> later = new LinkedHashMap<>();
            clock.advance(Duration.ofHours(1));
            later.put("/newest/", new RedirectRecorder.Tally(1, clock.instant(), clock.instant(), null));
            site.redirects.logMisses(later);
            assertThat(site.redirects.missCount()).isEqualTo(RedirectService.LOG_KEPT);
            assertThat(site.redirects.mostFrequentMisses(RedirectService.LOG_KEPT)).extracting(NotFoundPath::path)
                    .contains("/newest/", "/gone-page/");
            assertThat(site.redirects.trimNotFoundLog()).isZero();

            site.redirects.dismiss("/gone-page/");
            site.redirects.add(moved("/newest/", "/"), "Ed");
            assertThat(site.redirects.mostFrequentMisses(RedirectService.LOG_KEPT)).extracting(NotFoundPath::path)
                    .doesNotContain("/gone-page/", "/newest/");
        }
    }
}
