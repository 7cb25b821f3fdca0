package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The digest and the CSV import, on SQLite and PostgreSQL. */
class NewsletterServiceTest {

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
    private TestSite site;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    /** The form's name, its hourly limit and the text the block list reads are the service's choice, not the caller's. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSignUpIsCheckedByTheServiceWhoeverCallsIt(TestDatabase kind) {
        NewsletterService newsletter = open(kind);
        String ticket = site.site().formGuard.ticket();
        clock.advance(Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> newsletter.subscribe("not-mail", "192.0.2.9", ticket, ""))
                .isInstanceOf(org.vertebra.form.Invalid.class);
        assertThat(newsletter.subscribe("robot@example.org", "192.0.2.9", ticket, "http://spam.example").kind())
                .isEqualTo(org.vertebra.spam.Verdict.Kind.SPAM);
        for (int i = 0; i < NewsletterService.PER_HOUR; i++) {
            site.site().formGuard.record(NewsletterService.FORM, "192.0.2.9");
        }
        assertThat(newsletter.subscribe("ada@example.org", "192.0.2.9", ticket, "").kind())
                .isEqualTo(org.vertebra.spam.Verdict.Kind.REFUSED);
        assertThat(MailOutbox.all(site.site())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDigestListsTheWeeksArticlesInTextAndHtmlForConfirmedSubscribersOnly(TestDatabase kind) {
        NewsletterService newsletter = open(kind);
        newsletter.importCsv("reader@example.org,confirmed\nwaiting@example.org\ngone@example.org,unsubscribed");
        article("old-news", "Old news", "2025-02-01T09:00:00Z");
        article("knee-news", "Knee <news> & more", "2025-03-08T09:00:00Z");
        article("hip-news", "Hip news", "2025-03-09T09:00:00Z");

        NewsletterService.DigestResult result = newsletter.sendDigest();
        assertThat(result.articles()).isEqualTo(2);
        assertThat(result.recipients()).isEqualTo(1);
        newsletter.queueDigests();
        List<MailOutbox.Mail> mails = MailOutbox.ofKind(site.site(), "newsletter-digest");
        assertThat(mails).extracting(MailOutbox.Mail::recipient).containsExactly("reader@example.org");
        MailOutbox.Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("2 new articles on Test Clinic");
        assertThat(mail.text()).contains("Knee <news> & more\nA test article.\nhttp://vertebra.test/knee-news/")
                .contains("http://vertebra.test/hip-news/").doesNotContain("old-news")
                .contains("Unsubscribe with one click: http://vertebra.test/newsletter/unsubscribe/?token=");
        var html = Jsoup.parse(mail.html());
        assertThat(html.select("h2 a").eachText()).containsExactly("Knee <news> & more", "Hip news");
        assertThat(html.select("h2 a").eachAttr("href")).containsExactly("http://vertebra.test/knee-news/", "http://vertebra.test/hip-news/");
        assertThat(html.select("a:contains(Unsubscribe)").attr("href")).startsWith("http://vertebra.test/newsletter/unsubscribe/?token=");
        assertThat(mail.headers()).containsKeys("List-Unsubscribe", "List-Unsubscribe-Post");

        // The next digest starts where this one ended.
        clock.advance(Duration.ofDays(1));
        assertThat(newsletter.sendDigest().sent()).isFalse();
        article("shoulder-news", "Shoulder news", "2025-03-10T12:00:00Z");
        clock.advance(Duration.ofHours(1));
        assertThat(newsletter.sendDigest().articles()).isEqualTo(1);
        newsletter.queueDigests();
        assertThat(MailOutbox.ofKind(site.site(), "newsletter-digest").get(1).text()).contains("Shoulder news").doesNotContain("Hip news");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyPeriodSendsNothingAndSaysSo(TestDatabase kind) {
        NewsletterService newsletter = open(kind);
        newsletter.importCsv("reader@example.org,confirmed");
        article("old-news", "Old news", "2025-02-01T09:00:00Z");
        NewsletterService.DigestResult result = newsletter.sendDigest();
        assertThat(result.sent()).isFalse();
        assertThat(result.message()).contains("No article was published since the last digest");
        assertThat(MailOutbox.all(site.site())).isEmpty();
        assertThat(newsletter.overview().lastDigestAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWeeklyDigestWaitsAWeekAfterTheLastOne(TestDatabase kind) {
        NewsletterService newsletter = open(kind);
        newsletter.importCsv("reader@example.org,confirmed");
        article("one", "One", "2025-03-09T09:00:00Z");
        assertThat(newsletter.sendDigestIfDue()).hasValueSatisfying(r -> assertThat(r.sent()).isTrue());
        article("two", "Two", "2025-03-10T10:00:00Z");
        clock.advance(Duration.ofDays(6));
        assertThat(newsletter.sendDigestIfDue()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(newsletter.sendDigestIfDue()).hasValueSatisfying(r -> assertThat(r.articles()).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importLeavesOutBadLinesByNumberImportsTheRestNeverMailsAndNeverResubscribesSomeoneWhoLeft(TestDatabase kind) {
        NewsletterService newsletter = open(kind);
        assertThat(newsletter.importCsv("email,status\nAda@Example.org,confirmed\nbob@example.org\ncarol@example.org,unsubscribed\n"))
                .isEqualTo(new NewsletterService.ImportResult(3, 0, 0, 0, 0, List.of()));
        assertThat(newsletter.importCsv("dan@example.org\nnot-an-address\neve@example.org,maybe\nDan@example.org,confirmed\n"))
                .isEqualTo(new NewsletterService.ImportResult(1, 0, 0, 1, 2, List.of("Line 2: \"not-an-address\" is not an email address.",
                        "Line 3: the status \"maybe\" is not one of pending, confirmed, unsubscribed.")));
        assertThat(newsletter.exportCsv()).contains("dan@example.org,pending,").doesNotContain("eve@");

        assertThat(newsletter.importCsv("bob@example.org,confirmed\ncarol@example.org,confirmed\nada@example.org,unsubscribed"))
                .isEqualTo(new NewsletterService.ImportResult(0, 2, 1, 0, 0, List.of()));
        assertThat(newsletter.exportCsv()).contains("ada@example.org,unsubscribed,", "bob@example.org,confirmed,",
                "carol@example.org,unsubscribed,");
        assertThat(MailOutbox.all(site.site())).isEmpty();
        // An export reads back in unchanged.
        assertThat(newsletter.importCsv(newsletter.exportCsv())).isEqualTo(new NewsletterService.ImportResult(0, 0, 4, 0, 0, List.of()));
        assertThat(newsletter.overview()).extracting(o -> o.pending(), o -> o.confirmed(), o -> o.unsubscribed())
                .containsExactly(1L, 1L, 2L);
    }

    private NewsletterService open(TestDatabase kind) {
        site = TestSite.open(kind, folder, clock);
        site.site().initialize(false);
        return site.site().newsletter;
    }

    private void article(String slug, String title, String published) {
        String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                .replace("title: \"" + title + "\"", "title: '" + title + "'")
                .replace("published: 2024-02-01", "published: " + published);
        assertThat(site.site().importer.importPaths(List.of(MarkdownFiles.write(folder, slug + ".md", markdown)), false).problems())
                .isEmpty();
    }
}
