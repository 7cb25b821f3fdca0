package org.vertebra.account;

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
import org.vertebra.access.CsrfTokens;
import org.vertebra.access.SessionPolicy;
import org.vertebra.access.User;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Signing in and out over HTTP: cookies, CSRF, throttling, expiry and signing out everywhere. */
class SessionsAndCsrfTest {

    static final String PASSWORD = "a long enough password";
    static final String ADMIN = "admin@example.org";

    private static TestServer server;
    private static TestClock clock;
    private static AccountService accounts;

    @BeforeAll
    static void start() throws java.io.IOException {
        clock = TestClock.at("2025-03-01T09:00:00Z");
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-sessions"), clock);
        accounts = server.site().accounts;
        accounts.addUser(ADMIN, "Ada Admin", AccountRole.ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forgetFailures() {
        // Every request here comes from 127.0.0.1, so one test's failures would lock the next.
        server.site().database.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_failures"));
    }

    @Test
    void signInSetsAnHttpOnlyLaxSessionCookieAndGoesWhereTheVisitorWasHeaded() {
        WebClient browser = new WebClient(server);
        String next = browser.get("/admin/users/").headers().firstValue("Location").orElseThrow();
        Document form = browser.page(next);
        assertThat(form.select("input[name=next]").attr("value")).isEqualTo("/admin/users/");

        HttpResponse<String> response = browser.post("/admin/sign-in/", Map.of("_csrf", form.select("input[name=_csrf]").val(),
                "email", "ADMIN@example.org", "password", PASSWORD, "next", "/admin/users/"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/admin/users/");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Access.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                .contains("Max-Age=" + SessionPolicy.DEFAULT.lifetime().toSeconds()).doesNotContainIgnoringCase("Secure");
        assertThat(browser.cookie(Access.SESSION_COOKIE)).hasSize(43);
        assertThat(browser.get("/admin/users/").statusCode()).isEqualTo(200);
    }

    @Test
    void cookiesAreSecureWhenTheSiteIsServedOverHttps() {
        assertThat(Access.cookie("n", "v", "/", 60, true).getSecure()).isTrue();
        assertThat(Access.secureCookies("https://clinic.example", "http")).as("TLS ends at a proxy").isTrue();
        assertThat(Access.secureCookies("http://localhost:8080", "https")).isTrue();
        assertThat(Access.secureCookies("http://localhost:8080", "http")).isFalse();
    }

    @Test
    void afterSignInOnlyLocalAdminAddressesAreFollowed() {
        for (String next : List.of("https://evil.example/", "//evil.example/admin/", "/\\evil.example", "/about/",
                "/admin/\r\nSet-Cookie:x=y")) {
            assertThat(AccountRoutes.safeNext(next)).as(next).isEqualTo("/admin/");
        }
        assertThat(AccountRoutes.safeNext("/admin/users/?x=1")).isEqualTo("/admin/users/?x=1");
    }

    @Test
    void aFailedSignInKeepsTheEmailLinksTheErrorAndNeverEchoesThePassword() {
        WebClient browser = new WebClient(server);

        HttpResponse<String> response = browser.trySignIn("Someone <b>@example.org", "my secret guess");

        assertThat(response.statusCode()).isEqualTo(401);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("input[name=email]").val()).isEqualTo("Someone <b>@example.org");
        assertThat(response.body()).doesNotContain("my secret guess").doesNotContain("<b>@");
        assertThat(page.select("input[name=password]").attr("aria-describedby")).isEqualTo("password-error");
        assertThat(page.getElementById("password-error").text()).isEqualTo("The email or password is not right.");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("label[for=email], label[for=password]")).hasSize(2);
    }

    @Test
    void postsWithoutTheRightCsrfTokenAreRefusedAndChangeNothing() {
        WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);
        WebClient otherSession = new WebClient(server).signIn(ADMIN, PASSWORD);
        String othersToken = otherSession.csrfToken("/admin/account/");
        Map<String, String> form = Map.of("email", "csrf@example.org", "name", "Forged", "role", "admin", "password", PASSWORD);

        for (Map<String, String> forged : List.of(form, with(form, "_csrf", "wrong"), with(form, "_csrf", othersToken),
                with(form, "_csrf", ""))) {
            HttpResponse<String> response = admin.post("/admin/users/", forged);
            assertThat(response.statusCode()).as(forged.getOrDefault("_csrf", "no token")).isEqualTo(403);
            assertThat(response.body()).contains("This form has expired");
        }
        assertThat(admin.post("/admin/users/", form, Map.of(CsrfTokens.HEADER, othersToken)).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/sign-out-everywhere/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(accounts.users()).extracting(User::email).doesNotContain("csrf@example.org");
        assertThat(admin.get("/admin/").statusCode()).as("still signed in").isEqualTo(200);

        String token = admin.csrfToken("/admin/account/");
        assertThat(admin.post("/admin/users/", form, Map.of(CsrfTokens.HEADER, token)).statusCode())
                .as("the header works for scripts").isEqualTo(303);
        assertThat(accounts.users()).extracting(User::email).contains("csrf@example.org");
    }

    @Test
    void theSignInFormIsProtectedToo() {
        WebClient visitor = new WebClient(server);
        WebClient other = new WebClient(server);
        String othersToken = other.csrfToken("/admin/sign-in/");
        visitor.csrfToken("/admin/sign-in/");

        HttpResponse<String> none = visitor.post("/admin/sign-in/", Map.of("email", ADMIN, "password", PASSWORD));
        HttpResponse<String> foreign = visitor.post("/admin/sign-in/", Map.of("_csrf", othersToken, "email", ADMIN,
                "password", PASSWORD));
        HttpResponse<String> cookieless = new WebClient(server).post("/admin/sign-in/", Map.of("_csrf", othersToken,
                "email", ADMIN, "password", PASSWORD));

        assertThat(List.of(none, foreign, cookieless)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
        assertThat(visitor.cookie(Access.SESSION_COOKIE)).isNull();
        assertThat(visitor.cookie(Access.FORM_COOKIE)).isNotNull();
    }

    @Test
    void fiveFailuresThenTooManyRequestsWithAGrowingWait() {
        WebClient browser = new WebClient(server);
        for (int i = 1; i <= 5; i++) {
            assertThat(browser.trySignIn(ADMIN, "wrong password " + i).statusCode()).as("failure %d", i).isEqualTo(401);
        }

        HttpResponse<String> locked = browser.trySignIn(ADMIN, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("1");
        assertThat(Jsoup.parse(locked.body()).select(".form-error").text()).contains("Too many failed attempts. Wait 1 second");
        assertThat(Jsoup.parse(locked.body()).select("input[name=email]").val()).isEqualTo(ADMIN);

        clock.advance(Duration.ofSeconds(1));
        assertThat(browser.trySignIn(ADMIN, "wrong again").statusCode()).isEqualTo(401);
        HttpResponse<String> longer = browser.trySignIn(ADMIN, PASSWORD);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(longer.headers().firstValue("Retry-After")).contains("2");

        clock.advance(Duration.ofSeconds(2));
        assertThat(browser.trySignIn(ADMIN, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void failuresFromOneAddressAcrossAccountsLockThatAddress() {
        WebClient browser = new WebClient(server);
        for (int i = 1; i <= 5; i++) {
            assertThat(browser.trySignIn("guess" + i + "@example.org", "wrong").statusCode()).isEqualTo(401);
        }

        assertThat(browser.trySignIn(ADMIN, PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(browser.trySignIn(ADMIN, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void anIdleSessionEndsAndTheBrowserIsSentToSignIn() {
        WebClient browser = new WebClient(server).signIn(ADMIN, PASSWORD);
        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.get("/admin/").statusCode()).as("used 14 minutes ago").isEqualTo(200);

        clock.advance(SessionPolicy.DEFAULT.healthDataIdle());
        HttpResponse<String> expired = browser.get("/admin/");

        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith(Access.SESSION_COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(browser.cookie(Access.SESSION_COOKIE)).isNull();
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignIn() {
        WebClient browser = new WebClient(server).signIn(ADMIN, PASSWORD);
        Duration busy = Duration.ZERO;
        while (busy.plusMinutes(14).compareTo(SessionPolicy.DEFAULT.lifetime()) < 0) {
            clock.advance(Duration.ofMinutes(14));
            busy = busy.plusMinutes(14);
            assertThat(browser.get("/admin/").statusCode()).as("%s after sign-in, used every 14 minutes", busy).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void signOutEndsThisSessionAndSignOutEverywhereEndsThemAll() {
        WebClient laptop = new WebClient(server).signIn(ADMIN, PASSWORD);
        WebClient phone = new WebClient(server).signIn(ADMIN, PASSWORD);
        WebClient tablet = new WebClient(server).signIn(ADMIN, PASSWORD);
        String laptopToken = laptop.cookie(Access.SESSION_COOKIE);

        HttpResponse<String> out = laptop.post("/admin/sign-out/", Map.of("_csrf", laptop.csrfToken("/admin/")));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/admin/sign-in/?done=signed-out");
        assertThat(laptop.get("/admin/").statusCode()).isEqualTo(302);
        laptop.setCookie(Access.SESSION_COOKIE, laptopToken);
        assertThat(laptop.get("/admin/").statusCode()).as("the old cookie is dead on the server").isEqualTo(302);
        assertThat(phone.get("/admin/").statusCode()).isEqualTo(200);

        assertThat(phone.post("/admin/sign-out-everywhere/", Map.of("_csrf", phone.csrfToken("/admin/account/"))).statusCode())
                .isEqualTo(303);
        assertThat(phone.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(tablet.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessions() {
        accounts.addUser("changer@example.org", "Changer", AccountRole.AUTHOR, PASSWORD);
        WebClient here = new WebClient(server).signIn("changer@example.org", PASSWORD);
        WebClient there = new WebClient(server).signIn("changer@example.org", PASSWORD);
        String token = here.csrfToken("/admin/account/");

        HttpResponse<String> mismatch = here.post("/admin/account/password/", Map.of("_csrf", token, "current", PASSWORD,
                "password", "new password one", "confirm", "new password two"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(mismatch.body()).select("input[name=confirm]").attr("aria-describedby")).isEqualTo("confirm-error");
        HttpResponse<String> changed = here.post("/admin/account/password/", Map.of("_csrf", token, "current", PASSWORD,
                "password", "new password one", "confirm", "new password one"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.page(changed.headers().firstValue("Location").orElseThrow()).select("[role=status]").text())
                .contains("Your password is changed");
        assertThat(there.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void signedInVisitorsOfTheSignInPageGoToTheDashboard() {
        WebClient browser = new WebClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> response = browser.get("/admin/sign-in/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/admin/");
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
