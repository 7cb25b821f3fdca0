package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.layout.Noun;
import org.vertebra.support.Desk;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The newsletter's admin counts its digests' subscribers and articles in words that agree with the count. */
class NewsletterPluralTest {

    private static final TestClock CLOCK = TestClock.at("2025-03-10T09:00:00Z");
    private static TestServer server;
    private static Path folder;
    private static Desk desk;

    @BeforeAll
    static void start() throws java.io.IOException {
        folder = Files.createTempDirectory("vertebra-newsletter-plural");
        server = TestServer.empty(TestDatabase.SQLITE, folder, CLOCK);
        desk = new Desk(server, "plural");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneSubscriberAndOneArticleAreSingularAndTwoArePlural() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        server.site().newsletter.importCsv("first@example.org,confirmed\n");
        publish("first-news", "First news");
        assertThat(admin.page("/admin/newsletter/").select("main").text()).contains("1 article has been published since");

        String first = Jsoup.parse(admin.post("/admin/newsletter/digest/", Map.of("_csrf", Desk.token(admin))).body())
                .select(".notice").text();
        assertThat(first).contains("The digest of 1 article will be sent to 1 subscriber:").doesNotContain("subscribers", "(s)");
        server.site().newsletter.queueDigests();
        assertThat(admin.page("/admin/newsletter/").select("main").text()).contains("The last digest went to 1 subscriber on")
                .doesNotContain("1 subscribers");

        CLOCK.advance(Duration.ofMinutes(10)); // within the administrator's 15 idle minutes
        server.site().newsletter.importCsv("second@example.org,confirmed\n");
        publish("second-news", "Second news");
        publish("third-news", "Third news");
        assertThat(admin.page("/admin/newsletter/").select("main").text()).contains("2 articles have been published since");
        String second = Jsoup.parse(admin.post("/admin/newsletter/digest/", Map.of("_csrf", Desk.token(admin))).body())
                .select(".notice").text();
        assertThat(second).contains("The digest of 2 articles will be sent to 2 subscribers:");
        server.site().newsletter.queueDigests();
        assertThat(admin.page("/admin/newsletter/").select("main").text()).contains("The last digest went to 2 subscribers on");
    }

    @Test
    void aNounAgreesWithItsCount() {
        Noun subscriber = new Noun("subscriber", "subscribers");
        assertThat(List.of(subscriber.count(0), subscriber.count(1), subscriber.count(2), subscriber.count(100_000)))
                .containsExactly("0 subscribers", "1 subscriber", "2 subscribers", "100000 subscribers");
        assertThat(Noun.IS.of(1) + " / " + Noun.IS.of(3)).isEqualTo("is / are");
    }

    private static void publish(String slug, String title) {
        String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                .replace("published: 2024-02-01", "published: " + CLOCK.instant().minus(Duration.ofMinutes(1)));
        server.site().importer.importPaths(List.of(MarkdownFiles.write(folder, slug + ".md", markdown)), false);
    }
}
