package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.Multipart;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** /admin/newsletter/: who may open it, the digest on demand, and the list out and in as CSV. */
class NewsletterAdminTest {

    private static TestServer server;
    private static Desk desk;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-newsletter-admin"),
                TestClock.at("2025-03-10T09:00:00Z"));
        desk = new Desk(server, "news");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyAdminsAndEditorsMayOpenItOrPostToIt() {
        for (AccountRole role : AccountRole.values()) {
            WebClient client = desk.client(role);
            boolean may = role == AccountRole.ADMIN || role == AccountRole.EDITOR;
            String token = Desk.token(client);
            assertThat(client.get("/admin/newsletter/").statusCode()).as(role.name()).isEqualTo(may ? 200 : 403);
            assertThat(client.get("/admin/newsletter/subscribers.csv").statusCode()).as(role.name()).isEqualTo(may ? 200 : 403);
            if (!may) {
                assertThat(client.post("/admin/newsletter/digest/", Map.of("_csrf", token)).statusCode()).as(role.name()).isEqualTo(403);
                assertThat(client.post("/admin/newsletter/import/", Map.of("_csrf", token, "csv", "x@example.org,confirmed"))
                        .statusCode()).as(role.name()).isEqualTo(403);
            }
        }
        assertThat(server.site().newsletter.exportCsv()).doesNotContain("x@example.org");
        assertThat(new WebClient(server).get("/admin/newsletter/").statusCode()).isEqualTo(302);
    }

    @Test
    void postsWithoutTheFormTokenAreRefused() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        assertThat(admin.post("/admin/newsletter/import/", Map.of("csv", "nocsrf@example.org")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/newsletter/digest/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.site().newsletter.exportCsv()).doesNotContain("nocsrf@");
    }

    @Test
    void importListsBadLinesImportsTheOthersAndExportsAsAnAttachment() {
        WebClient editor = desk.client(AccountRole.EDITOR);
        String token = Desk.token(editor);
        String allBad = "broken line\nalso broken";
        HttpResponse<String> refused = editor.post("/admin/newsletter/import/", Map.of("_csrf", token, "csv", allBad));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".form-error li").eachText()).containsExactly("Line 1: \"broken line\" is not an email address.",
                "Line 2: \"also broken\" is not an email address.");
        assertThat(page.selectFirst("textarea#csv").wholeText()).isEqualTo(allBad);

        HttpResponse<String> imported = editor.post("/admin/newsletter/import/", new Multipart().field("_csrf", token)
                .file("file", "list.csv", "text/csv", "one@example.org,confirmed\nbroken line\n=evil@example.org,confirmed\none@example.org\n"
                        .getBytes()));
        assertThat(imported.statusCode()).isEqualTo(200);
        Document report = Jsoup.parse(imported.body());
        assertThat(report.select(".notice").text()).contains("2 added").contains("1 repeated").contains("No email was sent");
        assertThat(report.select(".form-error li").eachText()).containsExactly("Line 2: \"broken line\" is not an email address.");

        HttpResponse<String> csv = editor.get("/admin/newsletter/subscribers.csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"subscribers.csv\"");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("email,status,subscribed_at,confirmed_at\r\n")
                .contains("\r\n'=evil@example.org,confirmed,").contains("\r\none@example.org,confirmed,");
        assertThat(MailOutbox.all(server.site())).isEmpty();
    }

    @Test
    void theDigestIsSentOnDemandAndAnEmptyPeriodSaysSo() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        HttpResponse<String> nothing = admin.post("/admin/newsletter/digest/", Map.of("_csrf", Desk.token(admin)));
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(nothing.body()).select(".notice").text()).contains("nothing was sent");
        assertThat(MailOutbox.ofKind(server.site(), "newsletter-digest")).isEmpty();
        Document page = admin.page("/admin/newsletter/");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("nav[aria-label='Admin sections'] a[aria-current=page]").eachText()).isEqualTo(List.of("Newsletter"));
    }
}
