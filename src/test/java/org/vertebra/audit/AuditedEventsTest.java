package org.vertebra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.account.AuthenticatorApp;
import org.vertebra.app.Site;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Each kind of event that happens over HTTP is recorded once, by the account that did it (or as
 * anonymous) and the request it came in: signing in and failing to, two-step sign-in, passwords,
 * accounts, settings, publishing, health data, a person's export and erasure. And no row holds any
 * of the passwords, tokens, codes, SMTP password or intake text the test used.
 */
class AuditedEventsTest {

    static final String ADMIN_PASSWORD = "admin password that is long";
    static final String WRONG_PASSWORD = "a wrong guess at the password";
    static final String NEW_USER_PASSWORD = "the new doctor's first password";
    static final String CHANGED_PASSWORD = "the doctor's changed password";
    static final String RESET_PASSWORD = "the doctor's reset password";
    static final String SMTP_PASSWORD = "smtp-relay-secret-4711";
    static final String COMPLAINT = "Sharp pain under the left kneecap since the fall";
    static final String NOTES = "Suspect patellar tendinopathy; ultrasound";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordsEachEventOnceWithItsActorAndRequestAndNoSecret(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-02T06:00:00Z");
        try (TestServer server = TestServer.empty(kind, temp, clock)) {
            Site site = server.site();
            site.accounts.addUser("ada@example.org", "Ada Admin", AccountRole.ADMIN, ADMIN_PASSWORD);
            List<String> secrets = new java.util.ArrayList<>(List.of(ADMIN_PASSWORD, WRONG_PASSWORD, NEW_USER_PASSWORD,
                    CHANGED_PASSWORD, RESET_PASSWORD, SMTP_PASSWORD, COMPLAINT, NOTES));

            // Signing in, and a failure from another address's browser.
            HttpResponse<String> failed = new WebClient(server).trySignIn("ada@example.org", WRONG_PASSWORD);
            assertThat(failed.statusCode()).isEqualTo(401);
            WebClient admin = new WebClient(server).signIn("ada@example.org", ADMIN_PASSWORD);
            secrets.add(admin.cookie("vertebra_session"));

            // Accounts: created, role changed, disabled, enabled.
            String csrf = admin.csrfToken("/admin/users/");
            assertThat(admin.post("/admin/users/", Map.of("_csrf", csrf, "email", "dora@example.org", "name", "Dora Doctor",
                    "role", "author", "password", NEW_USER_PASSWORD)).statusCode()).isEqualTo(303);
            User dora = site.accounts.users().stream().filter(u -> u.email().equals("dora@example.org")).findFirst().orElseThrow();
            assertThat(admin.post("/admin/users/" + dora.id() + "/role/", Map.of("_csrf", csrf, "role", "doctor")).statusCode())
                    .isEqualTo(303);
            assertThat(admin.post("/admin/users/" + dora.id() + "/disable/", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
            assertThat(admin.post("/admin/users/" + dora.id() + "/enable/", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);

            // Settings: the identity, and mail with an SMTP password (named, never stored in the log).
            assertThat(admin.post("/admin/settings/identity/", Map.of("_csrf", csrf, "title", "Knee Clinic", "tagline",
                    "Knees", "footer", "")).statusCode()).isEqualTo(303);
            assertThat(admin.post("/admin/mail/settings/", mailSettings(csrf)).statusCode()).isEqualTo(303);

            // Two-step sign-in: enrolled, a sign-in with a recovery code, then turned off.
            WebClient doctor = new WebClient(server).signIn("dora@example.org", NEW_USER_PASSWORD);
            String page = "/admin/account/two-factor/";
            doctor.post(page + "start/", Map.of("_csrf", doctor.csrfToken(page)));
            Document start = doctor.page(page);
            AuthenticatorApp app = new AuthenticatorApp(start.select(".totp-secret code").text(), clock);
            secrets.add(start.select(".totp-secret code").text().replace(" ", ""));
            String enrolCode = app.code();
            HttpResponse<String> confirmed = doctor.post(page + "confirm/", Map.of("_csrf", doctor.csrfToken(page),
                    "password", NEW_USER_PASSWORD, "code", enrolCode));
            assertThat(confirmed.statusCode()).isEqualTo(200);
            List<String> recovery = Jsoup.parse(confirmed.body()).select(".recovery-code-list code").eachText();
            secrets.addAll(recovery);
            assertThat(doctor.post("/admin/sign-out/", Map.of("_csrf", doctor.csrfToken("/admin/account/"))).statusCode())
                    .isEqualTo(303);
            WebClient second = new WebClient(server);
            second.trySignIn("dora@example.org", NEW_USER_PASSWORD);
            Document codePage = second.page("/admin/sign-in/code/");
            assertThat(second.post("/admin/sign-in/code/", Map.of("_csrf", codePage.select("input[name=_csrf]").val(),
                    "code", recovery.get(0), "next", "/admin/")).statusCode()).isEqualTo(303);
            clock.advance(Duration.ofSeconds(60)); // the next code, as the enrolment's was used
            String offCode = app.code();
            assertThat(second.post(page + "off/", Map.of("_csrf", second.csrfToken(page), "off-password", NEW_USER_PASSWORD,
                    "off-code", offCode)).statusCode()).isEqualTo(303);
            secrets.addAll(List.of(enrolCode, offCode));

            // Passwords: changed by the doctor, then reset by a mailed link.
            assertThat(second.post("/admin/account/password/", Map.of("_csrf", second.csrfToken("/admin/account/"),
                    "current", NEW_USER_PASSWORD, "password", CHANGED_PASSWORD, "confirm", CHANGED_PASSWORD)).statusCode())
                    .isEqualTo(303);
            String resetToken = site.accounts.issuePasswordReset("dora@example.org").orElseThrow().token();
            secrets.add(resetToken);
            WebClient resetting = new WebClient(server);
            assertThat(resetting.post("/admin/password/reset/", Map.of("_csrf", resetting.csrfToken("/admin/password/reset/?token="
                    + resetToken), "token", resetToken, "password", RESET_PASSWORD, "confirm", RESET_PASSWORD)).statusCode())
                    .isEqualTo(303);

            // Articles: published, unpublished, to the trash.
            long article = publish(admin);
            assertThat(save(admin, article, "unpublish").statusCode()).isEqualTo(303);
            assertThat(admin.post("/admin/articles/" + article + "/trash/", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);

            // Health data: an administrator opens a consultation's intake and notes.
            long booking = book(site);
            site.consult.agenda().saveNotes(booking, NOTES);
            assertThat(admin.page("/admin/consult/" + booking + "/").text()).contains(COMPLAINT);

            // A patient's own data: exported and erased by the mailed link, anonymously.
            WebClient person = new WebClient(server);
            person.post("/privacy/my-data/", PublicForm.fields(person, "/privacy/my-data/", clock, "email", "priya@example.org"));
            String link = MailOutbox.ofKind(site, "privacy-request").get(0).link(site.settings.baseUrl() + "/privacy/my-data/")
                    .substring(site.settings.baseUrl().length());
            String token = person.page(link).selectFirst("input[name=token]").attr("value");
            secrets.add(token);
            String base = link.substring(0, link.indexOf('?'));
            assertThat(person.post(base + "export/", Map.of("token", token)).statusCode()).isEqualTo(200);
            assertThat(person.post(base + "erase/", Map.of("token", token, "confirm", "yes")).statusCode()).isEqualTo(200);

            List<AuditEntry> log = site.audit.page(AuditFilter.ALL, 500);
            Map<String, Long> counts = log.stream().collect(Collectors.groupingBy(AuditEntry::action, Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    Map.entry("sign-in", 2L), // the admin and the doctor; the sign-in by a recovery code is recorded as that
                    Map.entry("sign-in-failed", 1L), Map.entry("sign-out", 1L),
                    Map.entry("account-created", 1L), Map.entry("role-changed", 1L), Map.entry("account-disabled", 1L),
                    Map.entry("account-enabled", 1L), Map.entry("settings-changed", 2L),
                    Map.entry("two-factor-enrolled", 1L), Map.entry("recovery-code-used", 1L), Map.entry("two-factor-removed", 1L),
                    Map.entry("password-changed", 1L), Map.entry("password-reset", 1L),
                    Map.entry("article-published", 1L), Map.entry("article-unpublished", 1L), Map.entry("article-deleted", 1L),
                    Map.entry("health-data-viewed", 1L), Map.entry("data-exported", 1L), Map.entry("data-erased", 1L)));

            AuditEntry failure = only(log, "sign-in-failed");
            assertThat(failure.actorName()).isEqualTo("anonymous");
            assertThat(failure.outcome()).isEqualTo("refused");
            assertThat(failure.addressHash()).isNotBlank().doesNotContain("127.0.0.1");
            AuditEntry viewed = only(log, "health-data-viewed");
            assertThat(viewed.actorName()).isEqualTo("Ada Admin");
            assertThat(viewed.objectType() + " " + viewed.objectId()).isEqualTo("booking " + booking);
            assertThat(only(log, "role-changed").objectId()).isEqualTo(Long.toString(dora.id()));
            assertThat(only(log, "recovery-code-used").actorName()).isEqualTo("Dora Doctor");
            assertThat(only(log, "data-erased").actorName()).isEqualTo("anonymous");
            assertThat(log).allSatisfy(e -> assertThat(e.requestId()).matches("[A-Za-z0-9_-]{22}"));
            assertThat(log.stream().map(AuditEntry::requestId).distinct()).hasSize(log.size());
            assertThat(only(log, "settings-changed", "mail").detail()).contains("password (changed)");

            // Nothing secret in any column of any row, read raw from the table.
            List<String> raw = site.database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM audit_events")
                    .mapToMap().list()).stream().map(Object::toString).toList();
            assertThat(raw).hasSize(log.size());
            for (String secret : secrets) {
                assertThat(raw).as("a row holds a secret the test used").noneMatch(row -> row.contains(secret));
            }
            assertThat(site.audit.check().intact()).isTrue();
        }
    }

    private static AuditEntry only(List<AuditEntry> log, String action) {
        List<AuditEntry> found = log.stream().filter(e -> e.action().equals(action)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static AuditEntry only(List<AuditEntry> log, String action, String objectId) {
        return log.stream().filter(e -> e.action().equals(action) && objectId.equals(e.objectId())).findFirst().orElseThrow();
    }

    private static Map<String, String> mailSettings(String csrf) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", csrf);
        form.put("host", "127.0.0.1");
        form.put("port", "2525");
        form.put("tls", "none");
        form.put("user", "clinic");
        form.put("password", SMTP_PASSWORD);
        form.put("fromName", "Test Clinic");
        form.put("fromAddress", "clinic@vertebra.test");
        form.put("contactTo", "");
        return form;
    }

    /** Publishes a new article through the editor form; returns its id. */
    static long publish(WebClient client) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Knee pain on stairs");
        form.put("slug", "knee-pain-on-stairs");
        form.put("summary", "A short summary.");
        form.put("markdown", "Rest helps most knee pain.\n\n## Moving\n\nKeep walking.");
        form.put("categories", "Knee");
        form.put("tags", "");
        form.put("zone", "UTC");
        form.put("intent", "publish");
        HttpResponse<String> response = client.post("/admin/articles/", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    /** Saves the article's edit form as it stands, with this intent. */
    static HttpResponse<String> save(WebClient client, long id, String intent) {
        Document page = client.page("/admin/articles/" + id + "/edit/");
        Map<String, String> form = new HashMap<>();
        page.selectFirst("form.editor-form").select("input[name]:not([type=checkbox]), input[type=checkbox][checked], "
                + "select[name], textarea[name]").forEach(field -> form.put(field.attr("name"), field.tagName().equals("textarea")
                ? field.wholeText() : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val()));
        form.put("intent", intent);
        return client.post("/admin/articles/" + id + "/", form);
    }

    /** A consultation with intake answers, booked as a patient would; its id. */
    static long book(Site site) {
        var doctor = site.consult.agenda().addDoctor("dr-knee", "Dr Knee", java.time.ZoneId.of("Europe/London"), 30, null, null);
        site.consult.agenda().setHours(doctor.id(), java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> new org.vertebra.consult.WeeklyHours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)))
                .toList());
        return site.consult.bookings().book(new org.vertebra.consult.BookingCommand("dr-knee",
                "2026-03-03T10:00:00Z", "Europe/London", "Priya Shah", "priya@example.org", "+44 20 7946 0000", "42",
                COMPLAINT, "3 weeks", List.of("night-pain"), true, true)).booking().id();
    }
}
