package org.vertebra.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.WebClient;

/** A reader's comment over HTTP: moderation, spam defences, errors with the form kept, counts, closing and the cache. */
class CommentsTest {

    @TempDir
    Path temp;

    private CommentSite site;
    private WebClient reader;

    @BeforeEach
    void open() {
        site = new CommentSite(TestDatabase.SQLITE, temp);
        reader = new WebClient(site.server);
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void aFirstCommentIsHeldAndTheSameAddressPassesOnceApproved() {
        HttpResponse<String> first = site.comment(reader, "Ann", "Ann@Example.org", "Does this help on stairs?");

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/knee-pain/?comment=held#respond");
        assertThat(reader.page("/knee-pain/?comment=held").select(".comment-notice").text()).contains("once an editor has read it");
        assertThat(site.articlePage().select(".comment")).isEmpty();

        site.server.site().comments.approve(site.lastId());
        assertThat(site.articlePage().select(".comment .comment-author").eachText()).containsExactly("Ann");

        HttpResponse<String> second = site.comment(reader, "Ann", "ann@example.org", "Thank you, it did.");
        assertThat(second.headers().firstValue("Location").orElseThrow()).startsWith("/knee-pain/?comment=posted#comment-");
        // The query string bypasses the page cache: the comment is there at once.
        Document page = reader.page("/knee-pain/?comment=posted");
        assertThat(page.select(".comment .comment-body").eachText()).containsExactly("Does this help on stairs?", "Thank you, it did.");
        assertThat(page.text()).doesNotContain("example.org");
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void aCommentWithMoreThanTwoLinksIsHeldEvenFromAnApprovedCommenter() {
        site.comment(reader, "Ann", "ann@example.org", "First.");
        site.server.site().comments.approve(site.lastId());

        site.comment(reader, "Ann", "ann@example.org", "See https://a.example, https://b.example and www.c.example");

        assertThat(site.status(site.lastId())).isEqualTo("held");
    }

    @Test
    void aFilledHoneypotIsSpamAndNeverShown() {
        Map<String, String> form = site.form(reader, "Bot", "bot@example.org", "Nice article");
        form.put("homepage", "http://bot.example");

        HttpResponse<String> response = site.send(reader, form);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/knee-pain/?comment=held#respond");
        assertThat(site.status(site.lastId())).isEqualTo("spam");
        site.server.site().comments.approve(site.lastId()); // even an approved one from elsewhere leaves this one alone
        assertThat(site.server.site().comments.count(Comment.Status.SPAM)).isZero();
    }

    @Test
    void aBlockedWordIsSpam() {
        site.comment(reader, "Max", "max@example.org", "Best online casino bonus here");

        assertThat(site.status(site.lastId())).isEqualTo("spam");
    }

    @Test
    void tooQuickIsRefusedWithAMessageAndWhatWasTypedKept() {
        Map<String, String> form = site.form(reader, "Ann", "ann@example.org", "Typed in a hurry");

        HttpResponse<String> response = reader.post("/comments/" + site.article.id() + "/", form);

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".comment-problems").text()).contains("very quick");
        assertThat(page.select("#comment-name").val()).isEqualTo("Ann");
        assertThat(page.select("#comment-email").val()).isEqualTo("ann@example.org");
        assertThat(page.select("#comment-body").text()).isEqualTo("Typed in a hurry");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theSixthCommentInAnHourFromOneAddressIsRefused() {
        for (int i = 0; i < CommentService.PER_HOUR; i++) {
            assertThat(site.comment(reader, "Ann", "ann@example.org", "Question " + i).statusCode()).isEqualTo(303);
        }

        HttpResponse<String> refused = site.comment(reader, "Ann", "ann@example.org", "One more");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select(".comment-problems").text()).contains("5 times in the last hour");
        site.clock.advance(Duration.ofMinutes(61));
        assertThat(site.comment(reader, "Ann", "ann@example.org", "Later").statusCode()).isEqualTo(303);
    }

    @Test
    void missingFieldsAnInvalidAddressAndTooLongAreExplainedBesideEachFieldWithTheValuesKept() {
        HttpResponse<String> missing = site.comment(reader, " ", "", "");
        assertThat(missing.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(missing.body());
        assertThat(page.select("#comment-name-error").text()).isEqualTo("Enter your name.");
        assertThat(page.select("#comment-email-error").text()).startsWith("Enter your email address");
        assertThat(page.select("#comment-body-error").text()).isEqualTo("Write your comment.");
        assertThat(page.select("#comment-name").attr("aria-describedby")).isEqualTo("comment-name-error");
        assertThat(page.select("#comment-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".comment-problems a").eachAttr("href"))
                .containsExactly("#comment-name", "#comment-email", "#comment-body");

        HttpResponse<String> bad = site.comment(reader, "Ann", "ann.example.org", "x".repeat(CommentForm.BODY_MAX + 1));
        page = Jsoup.parse(bad.body());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(page.select("#comment-email-error").text()).contains("like name@example.org");
        assertThat(page.select("#comment-body-error").text()).contains("too long: at most 5000 characters");
        assertThat(page.select("#comment-name").val()).isEqualTo("Ann");
        assertThat(page.select("#comment-email").val()).isEqualTo("ann.example.org");
        assertThat(page.select("#comment-body").text()).hasSize(CommentForm.BODY_MAX + 1);
        int stored = site.server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments")
                .mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        Map<String, String> form = site.form(reader, "Ann", "ann@example.org", "Hi");
        site.clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> response = reader.post("/comments/" + site.article.id() + "/", form,
                Map.of("Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void repliesAreThreadedTwoLevelsDeepAndAReplyToAReplyJoinsTheThread() {
        var comments = site.server.site().comments;
        site.comment(reader, "Ann", "ann@example.org", "Top");
        long top = site.lastId();
        comments.approve(top);
        Map<String, String> form = site.form(reader, "Bob", "bob@example.org", "Reply");
        form.put("reply-to", Long.toString(top));
        site.send(reader, form);
        long reply = site.lastId();
        comments.approve(reply);
        form = site.form(reader, "Cy", "cy@example.org", "Reply to the reply");
        form.put("reply-to", Long.toString(reply));
        site.send(reader, form);
        comments.approve(site.lastId());

        Document page = site.articlePage();
        assertThat(page.select(".comment-list > li")).hasSize(1);
        assertThat(page.select(".comment-list > li > .comment-replies .comment-author").eachText()).containsExactly("Bob", "Cy");
        assertThat(page.select("#comments-title").text()).isEqualTo("3 comments");
        assertThat(page.select(".comment-reply a").first().attr("href")).isEqualTo("/knee-pain/?replyto=" + top + "#respond");
        assertThat(reader.page("/knee-pain/?replyto=" + reply).select("#comment-reply-to option[selected]").val())
                .isEqualTo(Long.toString(reply));
    }

    @Test
    void theHomePageCountsApprovedComments() {
        site.comment(reader, "Ann", "ann@example.org", "One");
        site.comment(reader, "Bob", "bob@example.org", "Two");
        site.server.site().comments.approve(site.lastId());
        site.server.server().refreshCache();

        assertThat(site.server.page("/").select(".card-meta").text()).contains("1 comment").doesNotContain("2 comments");
    }

    @Test
    void commentsCloseTheConfiguredNumberOfDaysAfterPublication() {
        site.server.site().comments.closeAfterDays(30);
        assertThat(site.articlePage().select("form.comment-form")).hasSize(1);
        Map<String, String> form = site.form(reader, "Ann", "ann@example.org", "Late");

        site.clock.advance(Duration.ofDays(29));
        site.server.server().refreshCache();
        assertThat(site.articlePage().select(".comments-closed")).isEmpty();
        site.clock.advance(Duration.ofDays(1));
        site.server.site().changes.bump();

        assertThat(site.articlePage().select(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(site.articlePage().select("form.comment-form")).isEmpty();
        HttpResponse<String> refused = site.send(reader, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select(".comments-closed").text()).isEqualTo("Comments are closed.");
    }

    @Test
    void anApprovedCommentReachesTheCachedPage() {
        assertThat(site.server.page("/knee-pain/").select(".comment")).isEmpty(); // now cached
        site.comment(reader, "Ann", "ann@example.org", "Cached?");
        site.server.site().comments.approve(site.lastId());

        site.server.server().refreshCache();

        assertThat(site.server.page("/knee-pain/").select(".comment .comment-body").text()).isEqualTo("Cached?");
    }
}
