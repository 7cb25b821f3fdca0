package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Two-step sign-in over HTTP on both databases: enrolment, the code page, recovery codes, replay, expiry, turning off. */
class TwoFactorSignInTest {

    static final String PASSWORD = "a long enough password";
    static final String DOCTOR = "doctor@example.org";
    static final String PAGE = "/admin/account/two-factor/";

    @TempDir
    Path folder;

    /** An enrolled account's secret and its recovery codes, as the pages showed them. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void enrolmentRefusesAWrongCodeThenTurnsOnAndShowsRecoveryCodesOnce(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
            User user = server.site().accounts.users().get(0);
            Document off = doctor.page(PAGE);
            assertThat(off.text()).contains("Two-step sign-in is off");

            assertThat(doctor.post(PAGE + "start/", Map.of("_csrf", off.select("input[name=_csrf]").val())).statusCode()).isEqualTo(303);
            Document start = doctor.page(PAGE);
            String grouped = start.select(".totp-secret code").text();
            assertThat(grouped).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
            Element qr = start.selectFirst("svg.qr-code");
            assertThat(qr).isNotNull();
            assertThat(qr.attr("role")).isEqualTo("img");
            assertThat(qr.attr("aria-label")).isNotBlank();
            String secret = grouped.replace(" ", "");
            String right = Totp.code(secret, Totp.step(clock.instant()));
            String wrong = right.equals("000000") ? "111111" : "000000";

            HttpResponse<String> noPassword = doctor.post(PAGE + "confirm/", Map.of("_csrf", csrf(start), "password",
                    "not the password", "code", right));
            assertThat(noPassword.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(noPassword.body()).getElementById("password-error").text()).contains("not your password");
            assertThat(server.site().accounts.twoFactor().status(user).on()).isFalse();

            HttpResponse<String> refused = doctor.post(PAGE + "confirm/", Map.of("_csrf", csrf(start), "password", PASSWORD,
                    "code", wrong));
            assertThat(refused.statusCode()).isEqualTo(422);
            Document again = Jsoup.parse(refused.body());
            assertThat(again.getElementById("code-error").text()).contains("That code is not right");
            assertThat(again.select("input[name=code]").val()).as("the form keeps what was typed").isEqualTo(wrong);
            assertThat(again.select(".totp-secret code").text()).isEqualTo(grouped);
            assertThat(server.site().accounts.twoFactor().status(user).on()).isFalse();

            assertThat(changeMailsTo(server, DOCTOR)).as("nothing changed, nothing told").isEmpty();
            HttpResponse<String> confirmed = doctor.post(PAGE + "confirm/", Map.of("_csrf", csrf(start), "password", PASSWORD,
                    "code", right));
            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(changeMailsTo(server, DOCTOR)).singleElement().asString().startsWith("Two-step sign-in was turned on");
            List<String> codes = Jsoup.parse(confirmed.body()).select(".recovery-code-list code").eachText();
            assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
            assertThat(server.site().accounts.twoFactor().status(user)).isEqualTo(new TwoFactorService.Status(true, false, 10));
            Document on = doctor.page(PAGE);
            assertThat(on.text()).contains("Two-step sign-in is on").contains("10 unused recovery codes");
            assertThat(on.html()).doesNotContain(codes.get(0)).doesNotContain(grouped).doesNotContain(secret);
            List<String> stored = server.site().database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT code_hash FROM two_factor_recovery_codes").mapTo(String.class).list());
            assertThat(stored).hasSize(10).noneMatch(codes::contains).doesNotContain(RecoveryCodes.hash(codes.get(3)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void signInAsksForTheCodeAndRefusesWrongReplayedAndExpiredOnes(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            Enrolled enrolled = enrol(server, clock);
            clock.advance(Duration.ofSeconds(30));
            WebClient browser = new WebClient(server);

            HttpResponse<String> password = browser.post("/admin/sign-in/", Map.of("_csrf", browser.csrfToken("/admin/sign-in/"),
                    "email", DOCTOR, "password", PASSWORD, "next", "/admin/consult/"));
            assertThat(password.statusCode()).isEqualTo(303);
            assertThat(password.headers().firstValue("Location")).contains("/admin/sign-in/code/?next=%2Fadmin%2Fconsult%2F");
            assertThat(browser.cookie(Access.SESSION_COOKIE)).as("not signed in yet").isNull();
            assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
            Document codePage = browser.page("/admin/sign-in/code/?next=%2Fadmin%2Fconsult%2F");
            assertThat(codePage.select("input[name=code]").attr("autocomplete")).isEqualTo("one-time-code");

            String right = Totp.code(enrolled.secret(), Totp.step(clock.instant()));
            HttpResponse<String> wrong = postCode(browser, codePage, right.equals("000000") ? "111111" : "000000");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(Jsoup.parse(wrong.body()).getElementById("code-error").text()).contains("not right");
            assertThat(browser.cookie(Access.SESSION_COOKIE)).isNull();

            String pending = browser.cookie(Access.PENDING_COOKIE);
            HttpResponse<String> signedIn = postCode(browser, codePage, right);
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).contains("/admin/consult/");
            assertThat(browser.cookie(Access.SESSION_COOKIE)).hasSize(43).isNotEqualTo(pending);
            assertThat(browser.cookie(Access.PENDING_COOKIE)).isNull();
            assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);

            WebClient eavesdropper = passwordStep(server);
            assertThat(postCode(eavesdropper, eavesdropper.page("/admin/sign-in/code/"), right).statusCode())
                    .as("the same code again").isEqualTo(401);
            assertThat(eavesdropper.cookie(Access.SESSION_COOKIE)).isNull();

            WebClient slow = passwordStep(server);
            Document slowPage = slow.page("/admin/sign-in/code/");
            clock.advance(TwoFactorService.PENDING_LIFETIME.plusSeconds(1));
            HttpResponse<String> expired = postCode(slow, slowPage, Totp.code(enrolled.secret(), Totp.step(clock.instant())));
            assertThat(expired.statusCode()).isEqualTo(303);
            assertThat(expired.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in/?done=code-expired");
            assertThat(slow.cookie(Access.SESSION_COOKIE)).isNull();
            assertThat(slow.page("/admin/sign-in/?done=code-expired").text()).contains("The time to enter the code has run out");
            assertThat(slow.get("/admin/sign-in/code/").statusCode()).as("the code page without a pending step").isEqualTo(302);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecoveryCodeSignsInOnceAndWrongCodesAreThrottled(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            Enrolled enrolled = enrol(server, clock);
            String recovery = enrolled.recoveryCodes().get(4);

            WebClient first = passwordStep(server);
            HttpResponse<String> used = postCode(first, first.page("/admin/sign-in/code/"), recovery.toUpperCase());
            assertThat(used.statusCode()).isEqualTo(303);
            assertThat(first.get("/admin/").statusCode()).isEqualTo(200);
            User user = server.site().accounts.users().get(0);
            assertThat(server.site().accounts.twoFactor().status(user).recoveryCodesLeft()).isEqualTo(9);

            WebClient second = passwordStep(server);
            Document codePage = second.page("/admin/sign-in/code/");
            assertThat(postCode(second, codePage, recovery).statusCode()).as("used already").isEqualTo(401);
            for (int i = 2; i < SignInThrottle.FREE_FAILURES; i++) {
                assertThat(postCode(second, codePage, "000000").statusCode()).isIn(401);
            }
            assertThat(postCode(second, codePage, "zzzzz-zzzzz").statusCode()).isEqualTo(401);
            HttpResponse<String> locked = postCode(second, codePage, Totp.code(enrolled.secret(), Totp.step(clock.instant()) + 1));
            assertThat(locked.statusCode()).as("even the right code waits once locked").isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.cookie(Access.SESSION_COOKIE)).isNull();
            int failures = server.site().database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT failures FROM sign_in_failures WHERE throttle_key = :key").bind("key", "account:" + DOCTOR)
                    .mapTo(Integer.class).one());
            assertThat(failures).as("the password did not clear the count").isEqualTo(SignInThrottle.FREE_FAILURES);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void turningOffNeedsThePasswordAndACodeAndAPasswordResetDoesNotSkipTheCode(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            Enrolled enrolled = enrol(server, clock);
            User user = server.site().accounts.users().get(0);
            PasswordReset reset = server.site().accounts.issuePasswordReset(DOCTOR).orElseThrow();
            server.site().accounts.resetPassword(reset.token(), PASSWORD + " renewed");
            WebClient browser = new WebClient(server);
            HttpResponse<String> afterReset = browser.post("/admin/sign-in/", Map.of("_csrf", browser.csrfToken("/admin/sign-in/"),
                    "email", DOCTOR, "password", PASSWORD + " renewed"));
            assertThat(afterReset.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in/code/");
            clock.advance(Duration.ofSeconds(30));
            String code = Totp.code(enrolled.secret(), Totp.step(clock.instant()));
            assertThat(postCode(browser, browser.page("/admin/sign-in/code/"), code).statusCode()).isEqualTo(303);

            clock.advance(Duration.ofSeconds(30));
            String current = Totp.code(enrolled.secret(), Totp.step(clock.instant()));
            String csrf = browser.csrfToken(PAGE);
            HttpResponse<String> noPassword = browser.post(PAGE + "off/", Map.of("_csrf", csrf, "off-password", "not my password",
                    "off-code", current));
            assertThat(noPassword.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(noPassword.body()).getElementById("off-password-error").text()).isEqualTo("That is not your password.");
            HttpResponse<String> noCode = browser.post(PAGE + "off/", Map.of("_csrf", csrf, "off-password", PASSWORD + " renewed",
                    "off-code", current.equals("000000") ? "111111" : "000000"));
            assertThat(noCode.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(noCode.body()).getElementById("off-code-error").text()).contains("not right");
            assertThat(server.site().accounts.twoFactor().status(user).on()).isTrue();

            HttpResponse<String> turnedOff = browser.post(PAGE + "off/", Map.of("_csrf", csrf, "off-password", PASSWORD + " renewed",
                    "off-code", current));
            assertThat(turnedOff.statusCode()).isEqualTo(303);
            assertThat(server.site().accounts.twoFactor().status(user).on()).isFalse();
            assertThat(changeMailsTo(server, DOCTOR)).last().asString().startsWith("Two-step sign-in was turned off (");
            assertThat(new WebClient(server).trySignIn(DOCTOR, PASSWORD + " renewed").headers().firstValue("Location"))
                    .as("signs in with the password alone again").contains("/admin/");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recoveryCodesAreMadeAgainOnlyWithACurrentCodeAndTheOldOnesStopWorking(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            Enrolled enrolled = enrol(server, clock);
            WebClient doctor = passwordStep(server);
            assertThat(postCode(doctor, doctor.page("/admin/sign-in/code/"), enrolled.recoveryCodes().get(0)).statusCode()).isEqualTo(303);
            String csrf = doctor.csrfToken(PAGE);

            HttpResponse<String> refused = doctor.post(PAGE + "recovery-codes/", Map.of("_csrf", csrf, "recovery-code", "12345"));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).getElementById("recovery-code-error")).isNotNull();

            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> made = doctor.post(PAGE + "recovery-codes/", Map.of("_csrf", csrf,
                    "recovery-code", Totp.code(enrolled.secret(), Totp.step(clock.instant()))));
            assertThat(made.statusCode()).isEqualTo(200);
            List<String> fresh = Jsoup.parse(made.body()).select(".recovery-code-list code").eachText();
            assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
            assertThat(changeMailsTo(server, DOCTOR)).last().asString().startsWith("New recovery codes were made");

            WebClient withOld = passwordStep(server);
            assertThat(postCode(withOld, withOld.page("/admin/sign-in/code/"), enrolled.recoveryCodes().get(1)).statusCode()).isEqualTo(401);
            assertThat(postCode(withOld, withOld.page("/admin/sign-in/code/"), fresh.get(1)).statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wrongCodesOnTheAccountPageAreThrottledLikeSignIns(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            Enrolled enrolled = enrol(server, clock);
            WebClient doctor = passwordStep(server);
            assertThat(postCode(doctor, doctor.page("/admin/sign-in/code/"), enrolled.recoveryCodes().get(0)).statusCode()).isEqualTo(303);
            String csrf = doctor.csrfToken(PAGE);
            AuthenticatorApp app = new AuthenticatorApp(enrolled.secret(), clock);
            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
                assertThat(doctor.post(PAGE + "recovery-codes/", Map.of("_csrf", csrf, "recovery-code", app.wrongCode()))
                        .statusCode()).isEqualTo(422);
            }
            HttpResponse<String> locked = doctor.post(PAGE + "recovery-codes/", Map.of("_csrf", csrf, "recovery-code", app.code()));
            assertThat(locked.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(locked.body()).getElementById("recovery-code-error").text()).startsWith("Too many wrong codes.");
            User user = server.site().accounts.users().get(0);
            assertThat(server.site().accounts.twoFactor().status(user).recoveryCodesLeft()).as("nothing changed").isEqualTo(9);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDashboardCountsConsultingAccountsWithoutTwoStepSignInForAdmins(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
            server.site().accounts.addUser("editor@example.org", "Ed Editor", AccountRole.EDITOR, PASSWORD);
            WebClient admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
            assertThat(admin.page("/admin/").text()).contains("2 accounts that can open consultations have no two-step sign-in");

            enrol(server, clock);
            assertThat(admin.page("/admin/").text()).contains("1 account that can open consultations has no two-step sign-in");
            assertThat(new WebClient(server).signIn("editor@example.org", PASSWORD).page("/admin/").text())
                    .doesNotContain("two-step sign-in");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSiteThatRequiresItSendsConsultingAccountsToSetItUpBeforeAnythingElse(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            server.site().accounts.addUser("editor@example.org", "Ed Editor", AccountRole.EDITOR, PASSWORD);
            server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
            WebClient admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
            WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
            assertThat(doctor.get("/admin/").statusCode()).as("not required yet").isEqualTo(200);

            HttpResponse<String> saved = admin.post("/admin/settings/security/",
                    Map.of("_csrf", admin.csrfToken("/admin/settings/"), "require-two-factor", "on"));
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(server.site().siteSettings.twoFactorRequired()).isTrue();

            HttpResponse<String> sent = doctor.get("/admin/consult/");
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location")).contains(PAGE + "?required=1");
            assertThat(doctor.page(PAGE + "?required=1").text()).contains("This site requires two-step sign-in");
            HttpResponse<String> refused = doctor.post("/admin/consult/hours/", Map.of("_csrf", doctor.csrfToken(PAGE)));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Set up two-step sign-in first");
            assertThat(admin.get("/admin/").statusCode()).as("administrators can open consultations too").isEqualTo(303);
            assertThat(new WebClient(server).signIn("editor@example.org", PASSWORD).get("/admin/").statusCode())
                    .as("an editor cannot open consultations, so is not asked").isEqualTo(200);

            Enrolled enrolled = enrol(server, clock);
            clock.advance(Duration.ofSeconds(30));
            WebClient enrolledDoctor = passwordStep(server);
            assertThat(postCode(enrolledDoctor, enrolledDoctor.page("/admin/sign-in/code/"),
                    Totp.code(enrolled.secret(), Totp.step(clock.instant()))).statusCode()).isEqualTo(303);
            assertThat(enrolledDoctor.get("/admin/consult/").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAdministratorTurnsOffAnotherAccountsTwoStepSignInButNotTheirOwn(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        try (TestServer server = server(kind, clock)) {
            User ada = server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
            enrol(server, clock);
            User dora = server.site().accounts.users().stream().filter(u -> u.email().equals(DOCTOR)).findFirst().orElseThrow();
            WebClient admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
            Document users = admin.page("/admin/users/");
            assertThat(users.select("td.two-factor-status").eachText()).containsExactlyInAnyOrder(
                    "Two-step sign-in: On Turn off two-step sign-in of Dora Doctor", "Two-step sign-in: Off");
            String csrf = users.select("input[name=_csrf]").first().val();

            assertThat(admin.post("/admin/users/" + ada.id() + "/two-factor-off/", Map.of("_csrf", csrf)).statusCode()).isEqualTo(422);
            assertThat(new WebClient(server).signIn(DOCTOR, PASSWORD).get("/admin/").statusCode())
                    .as("still asks for the code").isEqualTo(302);
            HttpResponse<String> off = admin.post("/admin/users/" + dora.id() + "/two-factor-off/", Map.of("_csrf", csrf));
            assertThat(off.statusCode()).isEqualTo(303);
            assertThat(server.site().accounts.twoFactor().status(dora).on()).isFalse();
            assertThat(changeMailsTo(server, DOCTOR)).last().asString().startsWith("Two-step sign-in was turned off by an administrator");
            assertThat(new WebClient(server).signIn(DOCTOR, PASSWORD).get("/admin/").statusCode()).isEqualTo(200);
            assertThat(new WebClient(server).signIn(DOCTOR, PASSWORD).post("/admin/users/" + ada.id() + "/two-factor-off/",
                    Map.of("_csrf", csrf)).statusCode()).as("only administrators").isEqualTo(403);
        }
    }

    private TestServer server(TestDatabase kind, TestClock clock) {
        TestServer server = TestServer.empty(kind, folder, clock);
        server.site().accounts.addUser(DOCTOR, "Dora Doctor", AccountRole.DOCTOR, PASSWORD);
        return server;
    }

    /** The subjects of the mails that told the account's owner of a change to their two-step sign-in, oldest first. */
    static List<String> changeMailsTo(TestServer server, String email) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT subject FROM mail_outbox WHERE kind = 'two-factor-change' AND recipient = :to ORDER BY id")
                .bind("to", email).mapTo(String.class).list());
    }

    /** Enrols the doctor through the pages, as a person would. */
    static Enrolled enrol(TestServer server, TestClock clock) {
        WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
        doctor.post(PAGE + "start/", Map.of("_csrf", doctor.csrfToken(PAGE)));
        Document start = doctor.page(PAGE);
        String secret = start.select(".totp-secret code").text().replace(" ", "");
        HttpResponse<String> confirmed = doctor.post(PAGE + "confirm/", Map.of("_csrf", csrf(start), "password", PASSWORD,
                "code", Totp.code(secret, Totp.step(clock.instant()))));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        return new Enrolled(secret, Jsoup.parse(confirmed.body()).select(".recovery-code-list code").eachText());
    }

    /** A browser that has given the doctor's password and waits at the code page. */
    static WebClient passwordStep(TestServer server) {
        WebClient browser = new WebClient(server);
        HttpResponse<String> response = browser.trySignIn(DOCTOR, PASSWORD);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in/code/");
        return browser;
    }

    static HttpResponse<String> postCode(WebClient browser, Document codePage, String code) {
        return browser.post("/admin/sign-in/code/", Map.of("_csrf", csrf(codePage), "code", code,
                "next", codePage.select("input[name=next]").val()));
    }

    private static String csrf(Document page) {
        return page.select("input[name=_csrf]").val();
    }
}
