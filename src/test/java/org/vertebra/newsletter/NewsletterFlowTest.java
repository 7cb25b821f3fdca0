package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The double opt-in and one-click unsubscribe, end to end over HTTP, as a reader and a mail client do them. */
class NewsletterFlowTest {

    private static final TestClock CLOCK = TestClock.at("2025-03-03T09:00:00Z");
    private static TestServer server;
    private static Path folder;

    @BeforeAll
    static void start() throws java.io.IOException {
        folder = Files.createTempDirectory("vertebra-newsletter");
        server = TestServer.empty(TestDatabase.SQLITE, folder, CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void anHourLater() {
        CLOCK.advance(Duration.ofHours(2)); // past the per-address limit of the tests before
    }

    @Test
    void aConfirmationLinkOpenedByGetConfirmsNothingUntilTheButtonIsPressed() {
        WebClient reader = new WebClient(server);
        HttpResponse<String> sent = subscribe(reader, "Ada@Example.org");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document inbox = Jsoup.parse(sent.body());
        assertThat(inbox.selectFirst("h1").text()).isEqualTo("Check your inbox");
        assertThat(inbox.select("main").text()).contains("will be sent to Ada@Example.org").doesNotContain("has been sent", "on its way");
        assertThat(status("ada@example.org")).isEqualTo("pending");

        MailOutbox.Mail mail = last("newsletter-confirm");
        assertThat(mail.recipient()).isEqualTo("ada@example.org");
        assertThat(mail.html()).contains("Confirm my subscription");
        assertThat(mail.headers()).containsEntry("List-Id", "\"Test Clinic newsletter\" <newsletter.vertebra.test>");
        String link = mail.link("http://vertebra.test/newsletter/confirm/?token=");
        String path = link.substring("http://vertebra.test".length());

        // A mail system's link scanner opens the link, twice: nothing is confirmed, and the link still works.
        for (int scan = 0; scan < 2; scan++) {
            HttpResponse<String> opened = new WebClient(server).get(path);
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
            Document ask = Jsoup.parse(opened.body());
            assertThat(ask.selectFirst("h1").text()).isEqualTo("Confirm your subscription");
            assertThat(ask.select("main form[method=post][action='/newsletter/confirm/'] button").text()).isEqualTo("Confirm my subscription");
            assertThat(status("ada@example.org")).isEqualTo("pending");
        }

        Document confirmed = Jsoup.parse(confirm(reader, path).body());
        assertThat(confirmed.selectFirst("h1").text()).isEqualTo("You are subscribed");
        assertThat(status("ada@example.org")).isEqualTo("confirmed");

        HttpResponse<String> again = confirm(reader, path);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(again.body()).selectFirst("h1").text()).isEqualTo("This link has already been used or is not valid");
        assertThat(reader.get(path).statusCode()).as("the link's page after use").isEqualTo(410);
    }

    @Test
    void theLinkExpiresAfterFortyEightHours() {
        WebClient reader = new WebClient(server);
        subscribe(reader, "late@example.org");
        String path = last("newsletter-confirm").link("http://vertebra.test/newsletter/confirm/?token=")
                .substring("http://vertebra.test".length());
        CLOCK.advance(Duration.ofHours(48).plusSeconds(1));
        HttpResponse<String> expired = reader.get(path);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).selectFirst("h1").text()).isEqualTo("This link has expired");
        assertThat(status("late@example.org")).isEqualTo("pending");
    }

    @Test
    void askingAgainResendsOnlyAfterAWhileAndAConfirmedAddressGetsTheSameAnswerAndNoMail() {
        WebClient reader = new WebClient(server);
        subscribe(reader, "twice@example.org");
        int before = MailOutbox.ofKind(server.site(), "newsletter-confirm").size();
        assertThat(Jsoup.parse(subscribe(reader, "twice@example.org").body()).selectFirst("h1").text()).isEqualTo("Check your inbox");
        assertThat(MailOutbox.ofKind(server.site(), "newsletter-confirm")).hasSize(before);
        CLOCK.advance(NewsletterService.RESEND_AFTER);
        String path = pathOf(subscribe(reader, "twice@example.org"));
        assertThat(MailOutbox.ofKind(server.site(), "newsletter-confirm")).hasSize(before + 1);
        confirm(reader, path);
        assertThat(status("twice@example.org")).isEqualTo("confirmed");

        CLOCK.advance(Duration.ofHours(2));
        HttpResponse<String> known = subscribe(reader, "twice@example.org");
        assertThat(Jsoup.parse(known.body()).selectFirst("h1").text()).isEqualTo("Check your inbox");
        assertThat(MailOutbox.ofKind(server.site(), "newsletter-confirm")).hasSize(before + 1);
    }

    @Test
    void aBadAddressIsExplainedBesideTheFieldWithWhatWasTyped() {
        WebClient reader = new WebClient(server);
        for (String typed : List.of("", "not an address", "a".repeat(250) + "@example.org")) {
            HttpResponse<String> refused = reader.post("/newsletter/", PublicForm.fields(reader, "/newsletter/", CLOCK, "email", typed));
            assertThat(refused.statusCode()).as(typed).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("h1")).hasSize(1);
            assertThat(page.selectFirst("#email").attr("value")).isEqualTo(typed);
            assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.selectFirst("#email").attr("aria-describedby")).contains("email-error");
            assertThat(page.selectFirst("#email-error").text()).containsAnyOf("Enter the email address", "does not look like", "too long");
            assertThat(page.select(".form-problems a[href='#email']")).hasSize(1);
        }
    }

    @Test
    void spamDefencesRefuseOrDropWithoutMail() {
        WebClient reader = new WebClient(server);
        int mails = MailOutbox.all(server.site()).size();
        Map<String, String> trap = PublicForm.fields(reader, "/newsletter/", CLOCK, "email", "robot@example.org");
        trap.put("homepage", "http://spam.example");
        assertThat(Jsoup.parse(reader.post("/newsletter/", trap).body()).selectFirst("h1").text()).isEqualTo("Check your inbox");

        String ticket = reader.page("/newsletter/").selectFirst("input[name=ticket]").attr("value");
        HttpResponse<String> quick = reader.post("/newsletter/", Map.of("ticket", ticket, "homepage", "", "email", "quick@example.org"));
        assertThat(quick.statusCode()).isEqualTo(422);
        assertThat(quick.body()).contains("That was very quick");
        assertThat(Jsoup.parse(quick.body()).selectFirst("#email").attr("value")).isEqualTo("quick@example.org");

        HttpResponse<String> foreign = reader.post("/newsletter/", PublicForm.fields(reader, "/newsletter/", CLOCK,
                "email", "victim@example.org"), Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(MailOutbox.all(server.site())).hasSize(mails);
        assertThat(server.site().newsletter.exportCsv()).doesNotContain("robot@", "quick@", "victim@");
    }

    @Test
    void everyDigestUnsubscribesWithOneClickAndTheLinkAloneOnlyAsks() {
        WebClient reader = new WebClient(server);
        confirm(reader, pathOf(subscribe(reader, "leaving@example.org")));
        publishArticle("digest-news", "News for the digest");

        assertThat(server.site().newsletter.sendDigest().sent()).isTrue();
        server.site().newsletter.queueDigests(); // rather than wait for the background queue
        MailOutbox.Mail digest = MailOutbox.ofKind(server.site(), "newsletter-digest").stream()
                .filter(m -> m.recipient().equals("leaving@example.org")).findFirst().orElseThrow();
        String link = digest.link("http://vertebra.test/newsletter/unsubscribe/?token=");
        assertThat(digest.headers()).containsEntry("List-Id", "\"Test Clinic newsletter\" <newsletter.vertebra.test>")
                .containsEntry("List-Unsubscribe", "<" + link + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(Jsoup.parse(digest.html()).select("a").eachAttr("href")).contains(link);
        String path = link.substring("http://vertebra.test".length());

        // A link scanner's GET changes nothing; the page asks with one button.
        Document ask = new WebClient(server).page(path);
        assertThat(ask.select("main form[action='/newsletter/unsubscribe/'] button").text()).contains("Unsubscribe leaving@example.org");
        assertThat(status("leaving@example.org")).isEqualTo("confirmed");

        // The mail client's one-click POST: no cookie, no Origin, no form token.
        WebClient mailClient = new WebClient(server);
        HttpResponse<String> done = mailClient.post(path, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).selectFirst("h1").text()).isEqualTo("You are unsubscribed");
        assertThat(status("leaving@example.org")).isEqualTo("unsubscribed");

        // The button on the page works too, and a forged token is refused.
        assertThat(mailClient.post("/newsletter/unsubscribe/", Map.of("token", ask.selectFirst("input[name=token]").attr("value")))
                .statusCode()).isEqualTo(200);
        String forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(mailClient.post(forged, Map.of("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(400);
        assertThat(mailClient.get(forged).statusCode()).isEqualTo(400);
    }

    @Test
    void theFormPageIsNeverCachedAndHasOneHeadingAndLabels() {
        HttpResponse<String> response = server.get("/newsletter/");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("label[for=email]")).hasSize(1);
        assertThat(page.select("label[for=homepage]").text()).contains("Leave this field empty");
        String firstTicket = page.selectFirst("input[name=ticket]").attr("value");
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(server.page("/newsletter/").selectFirst("input[name=ticket]").attr("value")).isNotEqualTo(firstTicket);
    }

    private static HttpResponse<String> subscribe(WebClient reader, String email) {
        return reader.post("/newsletter/", PublicForm.fields(reader, "/newsletter/", CLOCK, "email", email));
    }

    /** Presses the button on the page behind a confirmation link, as the reader does. */
    private static HttpResponse<String> confirm(WebClient reader, String path) {
        String token = path.substring(path.indexOf("token=") + "token=".length());
        return reader.post("/newsletter/confirm/", Map.of("token", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String pathOf(HttpResponse<String> subscribed) {
        assertThat(subscribed.statusCode()).isEqualTo(200);
        return last("newsletter-confirm").link("http://vertebra.test/newsletter/confirm/?token=").substring("http://vertebra.test".length());
    }

    private static MailOutbox.Mail last(String kind) {
        List<MailOutbox.Mail> mails = MailOutbox.ofKind(server.site(), kind);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static String status(String email) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM subscribers WHERE email = :e")
                .bind("e", email).mapTo(String.class).one());
    }

    private static void publishArticle(String slug, String title) {
        String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                .replace("published: 2024-02-01", "published: " + CLOCK.instant().minus(Duration.ofHours(1)));
        server.site().importer.importPaths(List.of(MarkdownFiles.write(folder, slug + ".md", markdown)), false);
    }
}
