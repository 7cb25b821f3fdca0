package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The account pages show a refusal as every admin form does: the message beside its field, which
 * is aria-invalid and points at it with aria-describedby; the problems listed at the top, each
 * linking to its field; a refusal of the whole form linked from the form itself.
 */
class RefusedAdminFormsTest {

    static final String PASSWORD = "a long enough password";
    static final String ADMIN = "admin@example.org";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void addingAUserWithATakenEmailMarksTheEmailFieldAndKeepsWhatWasTyped(TestDatabase kind) {
        try (TestServer server = server(kind, TestClock.at("2026-03-02T09:00:10Z"))) {
            WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);

            HttpResponse<String> refused = admin.post("/admin/users/", Map.of("_csrf", admin.csrfToken("/admin/users/"),
                    "name", "Ada Again", "email", ADMIN, "role", "author", "password", PASSWORD));

            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            Element email = page.selectFirst("input#email");
            assertThat(email.attr("aria-invalid")).isEqualTo("true");
            assertThat(email.attr("aria-describedby")).isEqualTo("email-error");
            assertThat(page.getElementById("email-error").text()).isEqualTo("An account with this email already exists.");
            assertThat(page.selectFirst("input#name").hasAttr("aria-invalid")).as("only the field at fault").isFalse();
            assertThat(page.select(".form-error[role=alert] a[href=#email]").text())
                    .isEqualTo("An account with this email already exists.");
            assertThat(email.val()).as("what was typed is kept").isEqualTo(ADMIN);
            assertThat(page.selectFirst("input#name").val()).isEqualTo("Ada Again");
            assertThat(server.site().accounts.users()).as("no account added").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWrongTwoFactorCodeMarksTheCodeFieldAndDescribesItByItsMessageAndHint(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            TwoFactorSignInTest.Enrolled enrolled = TwoFactorSignInTest.enrol(server, clock);
            clock.advance(Duration.ofSeconds(30));
            WebClient browser = TwoFactorSignInTest.passwordStep(server);
            Document codePage = browser.page("/admin/sign-in/code/?next=%2Fadmin%2F");
            String right = Totp.code(enrolled.secret(), Totp.step(clock.instant()));

            HttpResponse<String> wrong = TwoFactorSignInTest.postCode(browser, codePage, right.equals("000000") ? "111111" : "000000");

            assertThat(wrong.statusCode()).isEqualTo(401);
            Document page = Jsoup.parse(wrong.body());
            Element code = page.selectFirst("input#code");
            assertThat(code.attr("aria-invalid")).isEqualTo("true");
            assertThat(code.attr("aria-describedby").split(" ")).containsExactly("code-error", "code-hint");
            assertThat(page.getElementById("code-error").text()).startsWith("That code is not right");
            assertThat(page.select(".form-error[role=alert] a[href=#code]")).hasSize(1);
            assertThat(page.selectFirst("form.admin-form").hasAttr("aria-describedby")).as("a field is at fault, not the form").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusalOfTheWholeFormIsListedAtTheTopAndDescribesTheForm(TestDatabase kind) {
        try (TestServer server = server(kind, TestClock.at("2026-03-02T09:00:10Z"))) {
            WebClient browser = new WebClient(server);
            for (int i = 1; i <= 5; i++) {
                assertThat(browser.trySignIn(ADMIN, "wrong password " + i).statusCode()).isEqualTo(401);
            }

            HttpResponse<String> locked = browser.trySignIn(ADMIN, PASSWORD);

            assertThat(locked.statusCode()).isEqualTo(429);
            Document page = Jsoup.parse(locked.body());
            String describedBy = page.selectFirst("form.admin-form").attr("aria-describedby");
            Element problems = page.getElementById(describedBy);
            assertThat(problems).isNotNull();
            assertThat(problems.attr("role")).isEqualTo("alert");
            assertThat(problems.text()).contains("Too many failed attempts");
            assertThat(page.select("[aria-invalid]")).as("no field is at fault").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangedPasswordIsSaidInAStatusRegion(TestDatabase kind) {
        try (TestServer server = server(kind, TestClock.at("2026-03-02T09:00:10Z"))) {
            WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);
            HttpResponse<String> mismatch = admin.post("/admin/account/password/", Map.of("_csrf",
                    admin.csrfToken("/admin/account/"), "current", PASSWORD, "password", "another long password",
                    "confirm", "a different one"));
            Document refused = Jsoup.parse(mismatch.body());
            assertThat(mismatch.statusCode()).isEqualTo(422);
            assertThat(refused.selectFirst("input#confirm").attr("aria-invalid")).isEqualTo("true");
            assertThat(refused.select("[role=status]")).isEmpty();

            HttpResponse<String> changed = admin.post("/admin/account/password/", Map.of("_csrf",
                    admin.csrfToken("/admin/account/"), "current", PASSWORD, "password", "another long password",
                    "confirm", "another long password"));

            Document done = admin.page(changed.headers().firstValue("Location").orElseThrow());
            assertThat(done.select(".notice[role=status]").text()).startsWith("Your password is changed.");
            assertThat(done.select(".form-error")).isEmpty();
            assertThat(done.select("[aria-invalid]")).isEmpty();
        }
    }

    private TestServer server(TestDatabase kind, TestClock clock) {
        TestServer server = TestServer.empty(kind, folder, clock);
        server.site().accounts.addUser(ADMIN, "Ada Admin", AccountRole.ADMIN, PASSWORD);
        server.site().accounts.addUser(TwoFactorSignInTest.DOCTOR, "Dora Doctor", AccountRole.DOCTOR, PASSWORD);
        return server;
    }
}
