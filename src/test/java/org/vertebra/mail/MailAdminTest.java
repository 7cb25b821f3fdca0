package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** /admin/mail/ on a site with no SMTP server: the banner, the counts, the table, "send now". */
class MailAdminTest {

    static final String PASSWORD = "a long enough password";

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    private TestServer server;
    private WebClient admin;

    @BeforeEach
    void start() {
        server = TestServer.empty(TestDatabase.SQLITE, folder, clock);
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        server.site().accounts.addUser("editor@example.org", "Ed Editor", AccountRole.EDITOR, PASSWORD);
        admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutAnSmtpServerTheMailWaitsAndThePageSaysHowToSetOne() {
        server.site().outbox.enqueue(OutgoingMail.plain("comment-reply", "alice@example.org", "A reply to your comment", "Hi"));

        Document page = admin.page("/admin/mail/");

        assertThat(page.select("#mail-not-configured").text()).contains("Mail is waiting").contains("VERTEBRA_SMTP_HOST");
        assertThat(page.select(".mail-counts").text()).contains("Waiting 1").contains("Failing 0").contains("Sent in the last day 0");
        assertThat(page.select("table.mail-outbox tbody tr")).hasSize(1);
        assertThat(page.select("table.mail-outbox tbody tr > *").stream().map(org.jsoup.nodes.Element::text).toList())
                .containsExactly("comment-reply", "a***@example.org", "A reply to your comment", "2025-03-01 09:00 UTC", "0", "",
                        "Waiting");
        assertThat(page.html()).doesNotContain("alice@");
        assertThat(page.select("nav[aria-label='Admin sections'] a[aria-current=page]").text()).isEqualTo("Mail");
        assertThat(server.site().outbox.waiting()).isEqualTo(1);
    }

    @Test
    void sendNowMakesWaitingMailDue() {
        long id = server.site().outbox.enqueue(OutgoingMail.plain("contact", "bob@example.org", "Hello", "Hi"));
        server.site().database.jdbi().useHandle(h -> h.createUpdate(
                "UPDATE mail_outbox SET attempts = 3, next_attempt = :later, last_error = 'cannot reach the SMTP server' WHERE id = :id")
                .bind("later", clock.millis() + 3_600_000).bind("id", id).execute());
        assertThat(admin.page("/admin/mail/").select(".mail-counts").text()).contains("Failing 1");

        HttpResponse<String> sent = admin.post("/admin/mail/send-now/", Map.of("_csrf", admin.csrfToken("/admin/mail/")));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains("/admin/mail/?due=1");
        long nextAttempt = server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT next_attempt FROM mail_outbox")
                .mapTo(Long.class).one());
        assertThat(nextAttempt).isEqualTo(clock.millis());
        assertThat(admin.page("/admin/mail/?due=1").select(".notice").text()).contains("until an SMTP server is set");
    }

    @Test
    void onlyAdministratorsOpenTheOutbox() {
        WebClient editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
        assertThat(editor.get("/admin/mail/").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/mail/send-now/", Map.of("_csrf", editor.csrfToken("/admin/account/"))).statusCode())
                .isEqualTo(403);
        assertThat(new WebClient(server).get("/admin/mail/").statusCode()).isEqualTo(302);
    }
}
