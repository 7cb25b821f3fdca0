package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** What the desk does so that no word is lost, on SQLite and PostgreSQL: bylines and refused publishing. */
class EditorSafetyNetTest {

    @TempDir
    Path temp;

    private static ArticleEdit edit(String slug, String disclosure, ArticleEdit.Intent intent, java.time.Instant seen) {
        return new ArticleEdit(Article.POST, "Knee pain " + slug, slug, null, "Rest the knee.\n\n## Moving\n\nWalk a little.",
                List.of(), List.of(), null, null, intent, null, disclosure, seen);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusedPublishKeepsANewArticleAsADraftButLeavesAPublishedOneAsReadersSeeIt(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            Site site = test.site();
            // The site's default disclosure (TrustSettings.DEFAULT_DISCLOSURE) cleared: a disclosure is needed to publish.
            site.siteSettings.saveValue("trust.default_disclosure", null);
            User editor = site.accounts.addUser("eve@example.org", "Eve Editor", AccountRole.EDITOR, "a long enough password");

            ArticleEdit publish = edit("knee", null, ArticleEdit.Intent.PUBLISH, null);
            DeskProblem refusal = catchProblem(() -> site.desk.create(editor, publish));
            assertThat(refusal.errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("disclosure"));
            Article kept = site.desk.keepDraftOfRefusedPublish(editor, null, publish, refusal).orElseThrow();
            assertThat(kept.isPublished()).isFalse();
            assertThat(site.articleWriter.bySlug("knee").orElseThrow().bodyMarkdown()).endsWith("Walk a little.");

            Article live = site.desk.create(editor, edit("hip", "None.", ArticleEdit.Intent.PUBLISH, null));
            ArticleEdit change = new ArticleEdit(Article.POST, live.title(), "hip", null, "A changed text.", List.of(),
                    List.of(), null, null, ArticleEdit.Intent.PUBLISH, null, null, live.modifiedAt());
            DeskProblem refused = catchProblem(() -> site.desk.update(editor, live.id(), change));
            assertThat(site.desk.keepDraftOfRefusedPublish(editor, live.id(), change, refused)).isEmpty();
            Article after = site.articles.byId(live.id()).orElseThrow();
            assertThat(after.isPublished()).isTrue();
            assertThat(after.bodyMarkdown()).endsWith("Walk a little.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWritersBylineIsMadeFromTheAccountOnceAndThenKept(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            Site site = test.site();
            User author = site.accounts.addUser("ann@example.org", "Ann Author", AccountRole.AUTHOR, "a long enough password");
            User reviewer = site.accounts.addUser("rita@example.org", "Dr Rita", AccountRole.REVIEWER, "a long enough password");

            long byline = site.desk.bylineOf(author).orElseThrow();

            assertThat(site.authors.byId(byline).orElseThrow().name()).isEqualTo("Ann Author");
            assertThat(site.accounts.linkedAuthorId(author.id())).contains(byline);
            assertThat(site.desk.bylineOf(author)).contains(byline);
            assertThat(site.authors.all()).filteredOn(a -> a.name().equals("Ann Author")).hasSize(1);
            assertThat(site.desk.bylineOf(reviewer)).as("a reviewer does not write").isEmpty();
        }
    }

    private static DeskProblem catchProblem(Runnable change) {
        DeskProblem problem = catchThrowableOfType(DeskProblem.class, change::run);
        assertThat(problem).as("refused").isNotNull();
        return problem;
    }
}
