package org.vertebra.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The service's decisions and its SQL on both databases the site runs on. */
class CommentServicePostgresTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void holdsApprovesCountsThreadsAndNotifiesOnEitherDatabase(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            Article article = site.articleWriter.save(new ArticleDraft(Article.POST, "hip", "Hip", null, "Text.", null, null,
                    Article.PUBLISHED, clock.instant().minus(Duration.ofDays(2)), null, null, null, null, false, List.of())).article();
            CommentService comments = site.comments;

            CommentService.Posted first = comments.submit(article, form("Ann", "ann@example.org", "Hello", "", true, site), "203.0.113.1");
            assertThat(first.status()).isEqualTo(Comment.Status.HELD);
            comments.approve(first.id());
            CommentService.Posted reply = comments.submit(article,
                    form("Bob", "bob@example.org", "Hi Ann", Long.toString(first.id()), false, site), "203.0.113.2");
            comments.approve(reply.id());
            CommentService.Posted again = comments.submit(article, form("Ann", "ANN@example.org", "Again", "", false, site), "203.0.113.1");

            assertThat(again.status()).isEqualTo(Comment.Status.APPROVED);
            assertThat(comments.approvedCounts(List.of(article.id(), 999L))).containsExactly(java.util.Map.entry(article.id(), 3));
            assertThat(comments.threads(article.id())).hasSize(2);
            assertThat(comments.threads(article.id()).get(0).replies()).extracting(Comment::name).containsExactly("Bob");
            assertThat(site.outbox.waiting()).isEqualTo(1);
            assertThat(comments.count(Comment.Status.HELD)).isZero();

            comments.closeAfterDays(1);
            assertThat(comments.isOpen(article)).isFalse();
            comments.closeAfterDays(0);
            assertThat(comments.isOpen(article)).isTrue();
        }
    }

    private static CommentForm form(String name, String email, String body, String replyTo, boolean wantsReplies, Site site) {
        String ticket = site.formGuard.ticket();
        ((TestClock) site.clock).advance(Duration.ofSeconds(10));
        return new CommentForm(name, email, body, wantsReplies, replyTo, ticket, "");
    }
}
