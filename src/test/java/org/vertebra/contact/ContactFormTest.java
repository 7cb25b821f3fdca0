package org.vertebra.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** /contact/ and /admin/messages/ over HTTP. */
class ContactFormTest {

    private static final TestClock CLOCK = TestClock.at("2025-03-10T09:00:00Z");
    private static TestServer server;
    private static Desk desk;
    private static int round;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-contact"), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void anHourLater() {
        CLOCK.advance(Duration.ofHours(2));
        // Signed in now: an administrator's or a doctor's session ends after 15 idle minutes.
        desk = new Desk(server, "contact-" + ++round);
    }

    @Test
    void aMessageIsStoredAndMailedToTheSiteWithReplyToTheSender() {
        WebClient reader = new WebClient(server);
        HttpResponse<String> sent = send(reader, "consultation", "Ada, \"the\" Reader", "ada@example.org", "When can I book?\nThanks.");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Jsoup.parse(sent.body()).selectFirst("h1").text()).isEqualTo("Message sent");

        MailOutbox.Mail mail = MailOutbox.ofKind(server.site(), "contact").get(0);
        assertThat(mail.recipient()).isEqualTo(server.site().settings.mail().siteAddress());
        assertThat(mail.headers()).containsEntry("Reply-To", "\"Ada, the Reader\" <ada@example.org>");
        assertThat(mail.subject()).isEqualTo("[Contact] A question about a consultation: Ada, \"the\" Reader");
        assertThat(mail.text()).contains("When can I book?\nThanks.").contains("ada@example.org");

        Document messages = desk.client(AccountRole.DOCTOR).page("/admin/messages/");
        assertThat(messages.select(".contact-message h2").text()).contains("A question about a consultation from Ada, \"the\" Reader");
        assertThat(messages.select(".contact-message .contact-text").text()).contains("When can I book?");
    }

    @Test
    void everyBadFieldIsExplainedWithWhatWasTypedKept() {
        WebClient reader = new WebClient(server);
        String longMessage = "x".repeat(ContactForm.MESSAGE_MAX + 1);
        HttpResponse<String> refused = send(reader, "nonsense", "", "ada(at)example", longMessage);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".form-problems li").eachText()).containsExactly("Choose what your message is about.",
                "Enter the name.", "Email address does not look like an email address: it needs a name, an @ and a domain, such as name@example.org.",
                "Message is too long: at most 5000 characters.");
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("ada(at)example");
        assertThat(page.selectFirst("#message").wholeText()).isEqualTo(longMessage);
        for (String field : List.of("topic", "name", "email", "message")) {
            assertThat(page.selectFirst("#" + field).attr("aria-describedby")).as(field).contains(field + "-error");
            assertThat(page.selectFirst("#" + field).attr("aria-invalid")).as(field).isEqualTo("true");
        }
        assertThat(MailOutbox.ofKind(server.site(), "contact").stream().filter(m -> m.text().contains("ada(at)"))).isEmpty();
    }

    @Test
    void theHoneypotTheTooFastAndTheHourlyLimitRefuseOrDrop() {
        WebClient reader = new WebClient(server);
        int stored = count();
        Map<String, String> trap = PublicForm.fields(reader, "/contact/", CLOCK, "topic", "general", "name", "Bot",
                "email", "bot@example.org", "message", "Buy now");
        trap.put("homepage", "http://spam.example");
        assertThat(Jsoup.parse(reader.post("/contact/", trap).body()).selectFirst("h1").text()).isEqualTo("Message sent");
        assertThat(count()).isEqualTo(stored);

        String ticket = reader.page("/contact/").selectFirst("input[name=ticket]").attr("value");
        HttpResponse<String> quick = reader.post("/contact/", Map.of("ticket", ticket, "homepage", "", "topic", "feedback",
                "name", "Quick", "email", "quick@example.org", "message", "Fast typing"));
        assertThat(quick.statusCode()).isEqualTo(422);
        assertThat(quick.body()).contains("That was very quick");
        Document kept = Jsoup.parse(quick.body());
        assertThat(kept.selectFirst("#name").attr("value")).isEqualTo("Quick");
        assertThat(kept.selectFirst("#topic option[selected]").attr("value")).isEqualTo("feedback");

        for (int i = 0; i < ContactService.PER_HOUR; i++) {
            assertThat(send(reader, "general", "Many", "many@example.org", "Message " + i).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send(reader, "general", "Many", "many@example.org", "One too many");
        assertThat(limited.statusCode()).isEqualTo(422);
        assertThat(limited.body()).contains("times in the last hour");
        assertThat(count()).isEqualTo(stored + ContactService.PER_HOUR);

        assertThat(reader.post("/contact/", PublicForm.fields(reader, "/contact/", CLOCK, "topic", "general", "name", "X",
                "email", "x@example.org", "message", "From elsewhere"), Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
    }

    @Test
    void messagesAreForAdminsEditorsAndDoctorsAndAreMarkedRead() {
        send(new WebClient(server), "feedback", "Reader", "reader@example.org", "Lovely site");
        for (AccountRole role : AccountRole.values()) {
            boolean may = role == AccountRole.ADMIN || role == AccountRole.EDITOR || role == AccountRole.DOCTOR;
            assertThat(desk.client(role).get("/admin/messages/").statusCode()).as(role.name()).isEqualTo(may ? 200 : 403);
        }
        long id = server.site().contact.recent().get(0).id();
        WebClient author = desk.client(AccountRole.AUTHOR);
        assertThat(author.post("/admin/messages/" + id + "/read/", Map.of("_csrf", Desk.token(author))).statusCode()).isEqualTo(403);
        WebClient editor = desk.client(AccountRole.EDITOR);
        assertThat(editor.post("/admin/messages/" + id + "/read/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.site().contact.recent().get(0).readAt()).isNull();

        int unread = server.site().contact.unread();
        assertThat(editor.page("/admin/").select("a[href='/admin/messages/']").eachText())
                .contains(unread + (unread == 1 ? " new message" : " new messages"));
        HttpResponse<String> read = editor.post("/admin/messages/" + id + "/read/", Map.of("_csrf", Desk.token(editor)));
        assertThat(read.statusCode()).isEqualTo(303);
        assertThat(server.site().contact.recent().get(0).readAt()).isNotNull();
        assertThat(server.site().contact.unread()).isEqualTo(unread - 1);
        assertThat(editor.post("/admin/messages/999999/read/", Map.of("_csrf", Desk.token(editor))).statusCode()).isEqualTo(404);
    }

    @Test
    void theOldAddressMovesHereAndTheFormIsAccessibleWithoutJavaScript() {
        HttpResponse<String> old = server.get("/contact-us/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/contact/");
        Document page = server.page("/contact/");
        assertThat(page.select("h1")).hasSize(1);
        for (String field : List.of("topic", "name", "email", "message")) {
            assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
        }
        assertThat(page.select("#topic option").eachText()).containsExactly("General enquiry", "A question about a consultation",
                "Feedback about the site");
        assertThat(page.select("form[action='/contact/#contact-title'][method=post] button[type=submit]")).hasSize(1);
        assertThat(page.select("script[src^=http], link[href^=http]:not([rel=canonical])")).isEmpty();
    }

    private static HttpResponse<String> send(WebClient reader, String topic, String name, String email, String message) {
        return reader.post("/contact/", PublicForm.fields(reader, "/contact/", CLOCK, "topic", topic, "name", name,
                "email", email, "message", message));
    }

    private static int count() {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contact_messages")
                .mapTo(Integer.class).one());
    }
}
