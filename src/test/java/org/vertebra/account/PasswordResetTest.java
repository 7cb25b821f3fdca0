package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** "Forgot your password?" end to end: the form, the mail read back from a real SMTP server, the link. */
class PasswordResetTest {

    static final String OLD = "the old long password";
    static final String NEW = "a brand new long password";
    private static final Pattern LINK = Pattern.compile("http://vertebra\\.test(/admin/password/reset/\\?token=\\S+)");

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    @AutoClose
    private ServerWithSmtp withSmtp;
    private GreenMail smtp;
    private TestServer server;

    @BeforeEach
    void start() {
        withSmtp = ServerWithSmtp.start(TestDatabase.SQLITE, folder, clock);
        server = withSmtp.server();
        smtp = withSmtp.smtp();
        server.site().accounts.addUser("doctor@example.org", "Dr Dana", AccountRole.DOCTOR, OLD);
    }

    @Test
    void theLinkInTheMailSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        WebClient elsewhere = new WebClient(server).signIn("doctor@example.org", OLD);
        WebClient visitor = new WebClient(server);
        assertThat(visitor.page("/admin/sign-in/").select("a[href='/admin/password/forgot/']").text())
                .isEqualTo("Forgot your password?");

        HttpResponse<String> asked = ask(visitor, "Doctor@Example.org");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asked.body()).select(".notice").text()).contains("If an account exists for Doctor@Example.org");

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("the background sender delivered it").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Reset your password for Test Clinic");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("doctor@example.org");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = parts.getBodyPart(0).getContent().toString();
        assertThat(text).contains("Hello Dr Dana").contains("within an hour");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<a href=\"http://vertebra.test/admin/password/reset/?token=");
        String link = link(text);

        var form = visitor.page(link);
        assertThat(form.select("input[name=token]").attr("value")).isNotBlank();
        HttpResponse<String> mismatch = reset(visitor, link, NEW, NEW + "!");
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two passwords are not the same.");
        HttpResponse<String> tooShort = reset(visitor, link, "short", "short");
        assertThat(tooShort.statusCode()).isEqualTo(422);

        HttpResponse<String> done = reset(visitor, link, NEW, NEW);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/admin/sign-in/?done=password-reset");
        assertThat(visitor.page("/admin/sign-in/?done=password-reset").select(".notice").text()).contains("Your password is changed");
        assertThat(elsewhere.get("/admin/").statusCode()).as("signed out everywhere").isEqualTo(302);
        assertThat(new WebClient(server).trySignIn("doctor@example.org", OLD).statusCode()).isEqualTo(401);
        new WebClient(server).signIn("doctor@example.org", NEW);

        HttpResponse<String> again = visitor.get(link);
        assertThat(again.statusCode()).as("the link works once").isEqualTo(410);
        assertThat(again.body()).contains("This link has expired or was already used");
        HttpResponse<String> replay = reset(visitor, link, "yet another long password", "yet another long password");
        assertThat(replay.statusCode()).isEqualTo(410);
        new WebClient(server).signIn("doctor@example.org", NEW);
    }

    @Test
    void anExpiredLinkSaysSo() throws Exception {
        WebClient visitor = new WebClient(server);
        ask(visitor, "doctor@example.org");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        String link = link(((MimeMultipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(0).getContent().toString());

        clock.advance(AccountService.RESET_LINK_LIFETIME.plus(Duration.ofSeconds(1)));

        HttpResponse<String> expired = visitor.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("a[href='/admin/password/forgot/']").text()).isEqualTo("Ask for a new link");
        assertThat(reset(visitor, link, NEW, NEW).statusCode()).isEqualTo(410);
        new WebClient(server).signIn("doctor@example.org", OLD);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
        WebClient visitor = new WebClient(server);
        HttpResponse<String> known = ask(visitor, "doctor@example.org");
        HttpResponse<String> unknown = ask(visitor, "nobody@example.org");

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(main(unknown).replace("nobody@example.org", "X")).isEqualTo(main(known).replace("doctor@example.org", "X"));
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(server.site().outbox.waiting()).isZero();
    }

    @Test
    void askingTooOftenIsThrottledForKnownAndUnknownEmailsAlike() {
        WebClient visitor = new WebClient(server);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(ask(visitor, "nobody@example.org").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> throttled = ask(visitor, "doctor@example.org");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(server.site().outbox.waiting() + smtp.getReceivedMessages().length).as("no mail for the refused request").isZero();
    }

    private HttpResponse<String> ask(WebClient visitor, String email) {
        return visitor.post("/admin/password/forgot/", Map.of("_csrf", visitor.csrfToken("/admin/password/forgot/"), "email", email));
    }

    private static HttpResponse<String> reset(WebClient visitor, String link, String password, String confirm) {
        String token = link.substring(link.indexOf("token=") + 6);
        String csrf = visitor.csrfToken("/admin/password/forgot/"); // a used link's page has no form to take it from
        return visitor.post("/admin/password/reset/", Map.of("_csrf", csrf, "token", token, "password", password, "confirm", confirm));
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a reset link in: %s", text).isTrue();
        return m.group(1);
    }

    private static String main(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("main").html();
    }
}
