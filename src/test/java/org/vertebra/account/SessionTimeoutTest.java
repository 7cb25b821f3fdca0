package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.CsrfTokens;
import org.vertebra.admin.AdminShell;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Sessions of accounts that can open health data end after 15 minutes without activity (a
 * setting), every session 12 hours after sign-in (a setting) however busy; the sign-in page then
 * says why, and each admin page carries what its notice a minute before needs.
 */
class SessionTimeoutTest {

    private static final String PASSWORD = "a long enough password";
    private static final String DOCTOR = "doctor@example.org";
    private static final String EDITOR = "editor@example.org";
    private static final String ADMIN = "admin@example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestClock clock;
    private TestServer server;

    private void start(TestDatabase kind) {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        server = TestServer.empty(kind, temp, clock);
        server.site().accounts.addUser(DOCTOR, "Dr Test", AccountRole.DOCTOR, PASSWORD);
        server.site().accounts.addUser(EDITOR, "Ed Itor", AccountRole.EDITOR, PASSWORD);
        server.site().accounts.addUser(ADMIN, "Ada Admin", AccountRole.ADMIN, PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anIdleDoctorSessionIsRefusedAndTheSignInPageSaysWhy(TestDatabase kind) {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
        clock.advance(Duration.ofMinutes(15));

        HttpResponse<String> ended = doctor.get("/admin/account/");

        assertThat(ended.statusCode()).isEqualTo(302);
        String location = ended.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/admin/sign-in/?next=%2Fadmin%2Faccount%2F&ended=idle");
        assertThat(doctor.cookie(Access.SESSION_COOKIE)).isNull();
        Document signIn = doctor.page(location);
        assertThat(signIn.select("[role=status]").text())
                .isEqualTo("You were signed out after 15 minutes without activity, as accounts that can open patients' data are. "
                        + "Sign in again to go on.");
        assertThat(signIn.select("input[name=next]").val()).isEqualTo("/admin/account/");
        clock.advance(Duration.ofMinutes(-1));
        assertThat(doctor.get("/admin/").statusCode()).as("an ended session stays ended").isEqualTo(302);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activityAndTheStayButtonExtendIt(TestDatabase kind) throws Exception {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(14));
            assertThat(doctor.get("/admin/").statusCode()).as("used 14 minutes ago, %d times", i + 1).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(14));
        Document page = doctor.page("/admin/account/");
        HttpResponse<String> kept = doctor.postJson(AdminShell.KEEP_SESSION, "",
                Map.of(CsrfTokens.HEADER, page.body().attr("data-csrf")));
        assertThat(kept.statusCode()).isEqualTo(200);
        JsonNode left = JSON.readTree(kept.body());
        assertThat(left.get("idleSeconds").asLong()).isEqualTo(15 * 60);
        assertThat(left.get("endsSeconds").asLong()).isEqualTo(Duration.ofHours(12).minusMinutes(5 * 14).toSeconds());

        clock.advance(Duration.ofMinutes(14));
        assertThat(doctor.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(doctor.postJson(AdminShell.KEEP_SESSION, "", Map.of()).statusCode()).as("without the form token").isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everySessionEndsTwelveHoursAfterSignInHoweverBusy(TestDatabase kind) {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
        WebClient editor = new WebClient(server).signIn(EDITOR, PASSWORD);
        for (Duration busy = Duration.ofMinutes(10); busy.compareTo(Duration.ofHours(12)) < 0; busy = busy.plusMinutes(10)) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(doctor.get("/admin/").statusCode()).as("%s after sign-in", busy).isEqualTo(200);
            assertThat(editor.get("/admin/").statusCode()).as("%s after sign-in", busy).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));

        for (WebClient browser : new WebClient[] {doctor, editor}) {
            HttpResponse<String> ended = browser.get("/admin/");
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location")).hasValue("/admin/sign-in/?next=%2Fadmin%2F&ended=lifetime");
            assertThat(browser.page("/admin/sign-in/?next=%2Fadmin%2F&ended=lifetime").select("[role=status]").text())
                    .startsWith("Your session ended 12 hours after you signed in, as every session does.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAccountThatCannotOpenHealthDataIsNotSignedOutAfterFifteenMinutes(TestDatabase kind) {
        start(kind);
        WebClient editor = new WebClient(server).signIn(EDITOR, PASSWORD);
        clock.advance(Duration.ofHours(3));

        assertThat(editor.get("/admin/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(8));
        assertThat(editor.get("/admin/").statusCode()).as("unused for 8 hours, 11 after sign-in").isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLimitsAreSettingsAndEachPageCarriesWhatItsNoticeNeeds(TestDatabase kind) {
        start(kind);
        WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);
        Document settings = admin.page("/admin/settings/");
        assertThat(settings.select("#session-idle").val()).isEqualTo("15");
        assertThat(settings.select("#session-lifetime").val()).isEqualTo("12");
        String csrf = settings.select("form[action='/admin/settings/sessions/'] input[name=_csrf]").val();

        HttpResponse<String> refused = admin.post("/admin/settings/sessions/", Map.of("_csrf", csrf, "session-idle", "0",
                "session-lifetime", "twelve"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#session-lifetime").val()).isEqualTo("twelve");
        assertThat(admin.post("/admin/settings/sessions/", Map.of("_csrf", csrf, "session-idle", "5", "session-lifetime", "8"))
                .statusCode()).isEqualTo(303);

        WebClient doctor = new WebClient(server).signIn(DOCTOR, PASSWORD);
        Document page = doctor.page("/admin/");
        assertThat(page.body().attr("data-session-idle")).isEqualTo("300");
        assertThat(page.body().attr("data-session-ends")).isEqualTo(Long.toString(Duration.ofHours(8).toSeconds()));
        assertThat(page.body().attr("data-session-keep")).isEqualTo(AdminShell.KEEP_SESSION);
        assertThat(page.select("script[src='/static/js/session-expiry.js']")).hasSize(1);
        assertThat(server.get("/static/js/session-expiry.js").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5));
        assertThat(doctor.get("/admin/").headers().firstValue("Location")).hasValue("/admin/sign-in/?next=%2Fadmin%2F&ended=idle");
        Document signIn = new WebClient(server).page("/admin/sign-in/?ended=idle");
        assertThat(signIn.select("[role=status]").text()).startsWith("You were signed out after 5 minutes without activity");
        assertThat(signIn.body().hasAttr("data-session-idle")).as("no session, no timer").isFalse();
    }
}
