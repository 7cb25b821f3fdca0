package org.vertebra.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.Site;
import org.vertebra.app.WebServer;
import org.vertebra.support.Desk;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TestSite;
import org.vertebra.support.WebClient;

/**
 * The consent settings page over HTTP: what an administrator adds, edits and removes reaches the
 * banner, the cookie policy, cached pages and the Content-Security-Policy without a restart, on
 * this server and on another one of the same site; what it refuses changes nothing; and no other
 * role, and no forged form, may use it.
 */
class ConsentSettingsAdminTest {

    static final String PAGE = ConsentSettingsRoutes.PAGE;

    private static TestServer server;
    private static Desk desk;

    /** One demo site for the tests on it; each reads the version it starts from, as the others raise it. */
    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-consent-settings"));
        desk = new Desk(server, "consent-settings");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int version() {
        return server.site().consentSettings.stored().version();
    }

    @Test
    void anAddedEntryAndScriptReachTheBannerThePolicyAndCachedPagesAndAskVisitorsAgain() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        int before = version();
        server.page("/");
        server.page("/policies/"); // in the page cache now: the change must empty it

        HttpResponse<String> added = admin.post(PAGE + "entries/", form(admin, "category", "statistics", "name", "_pk_id",
                "provider", "Matomo (run by the clinic)", "purpose", "Tells one visit from another, for counting.",
                "duration", "13 months"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue(PAGE + "?done=entry-added&again=1");
        assertThat(admin.page(PAGE + "?done=entry-added&again=1").select("[role=status]").text())
                .contains("The entry is added", "version " + (before + 1), "asked for their choice again");
        HttpResponse<String> script = admin.post(PAGE + "scripts/", form(admin, "category", "marketing", "name", "Ads pixel",
                "src", "https://pixel.example.com/p.js", "code", ""));
        assertThat(script.statusCode()).isEqualTo(303);
        // A script that will run on readers' pages is a change someone must answer for.
        assertThat(server.site().audit.page(new org.vertebra.audit.AuditFilter(null,
                        org.vertebra.audit.AuditAction.SETTINGS_CHANGED, null, null, null, null), 10))
                .extracting(e -> e.objectId() + ":" + e.detail() + ":" + e.actorName())
                .startsWith("consent:script-added:The Administrator", "consent:entry-added:The Administrator");

        server.server().refreshCache();
        Document home = server.page("/");
        assertThat(home.select("#consent-banner").attr("data-policy-version")).isEqualTo(String.valueOf(before + 2));
        assertThat(home.select("#consent-dialog").text()).contains("_pk_id", "Matomo (run by the clinic)", "13 months");
        assertThat(home.select("script[type=text/plain][data-category=marketing]").attr("data-src"))
                .isEqualTo("https://pixel.example.com/p.js");
        assertThat(server.get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' https://pixel.example.com;");
        Document policies = server.page("/policies/");
        assertThat(policies.select("#cookie-policy").first().parent().text()).contains("Version " + (before + 2), "_pk_id", "Tells one visit");
        assertThat(server.site().consent.allows(ConsentCategory.STATISTICS, before + ".statistics.before", false)).isFalse();
        assertThat(server.site().consent.allows(ConsentCategory.STATISTICS, (before + 2) + ".statistics.now", false)).isTrue();
    }

    @Test
    void editingAndRemovingAnEntryAndAScriptFollowTheForms() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        ConsentSettings settings = server.site().consentSettings;
        settings.addEntry(EntryChange.parse("preferences", "theme", "This site", "Remembers light or dark.", "1 year"));
        settings.addScript(ScriptChange.parse("statistics", "Counter", "", "window.counted = true;"));
        OwnerEntry entry = last(settings.stored().entries());
        OptionalScript counter = last(settings.stored().scripts());

        Document list = admin.page(PAGE);
        assertThat(list.select("a[href=" + PAGE + "entries/" + entry.id() + "/]").text()).startsWith("theme");
        assertThat(list.select("a[href=" + PAGE + "scripts/" + counter.id() + "/]").text()).startsWith("Counter");
        assertThat(list.text()).contains("vertebra_session", "Set by Vertebra");
        Document edit = admin.page(PAGE + "entries/" + entry.id() + "/");
        assertThat(edit.select("#entry-purpose").text()).isEqualTo("Remembers light or dark.");
        assertThat(edit.select("#entry-category option[selected]").attr("value")).isEqualTo("preferences");

        HttpResponse<String> saved = admin.post(PAGE + "entries/" + entry.id() + "/", form(admin, "category", "preferences",
                "name", "theme", "provider", "This site", "purpose", "Remembers light or dark pages.", "duration", "6 months"));
        assertThat(saved.headers().firstValue("Location")).as("rewording asks nobody again").hasValue(PAGE + "?done=entry-saved");
        assertThat(settings.entry(entry.id()).orElseThrow().duration()).isEqualTo("6 months");
        HttpResponse<String> code = admin.post(PAGE + "scripts/" + counter.id() + "/", form(admin, "category", "statistics",
                "name", "Counter", "src", "", "code", "window.counted = 'twice';"));
        assertThat(code.headers().firstValue("Location")).hasValue(PAGE + "?done=script-saved&again=1");

        server.server().refreshCache();
        OptionalScript changed = server.site().consentSettings.policy().scripts().stream()
                .filter(s -> s.id() == counter.id()).findFirst().orElseThrow();
        int before = version();
        HttpResponse<String> served = server.get(changed.address());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(served.body()).isEqualTo("window.counted = 'twice';");
        assertThat(server.get(counter.address()).statusCode()).as("the old code's address").isEqualTo(404);
        assertThat(server.page("/").select("script[data-category=statistics]").eachAttr("data-src")).contains(changed.address());

        assertThat(admin.post(PAGE + "entries/" + entry.id() + "/delete/", form(admin)).statusCode()).isEqualTo(303);
        assertThat(admin.post(PAGE + "scripts/" + counter.id() + "/delete/", form(admin)).statusCode()).isEqualTo(303);
        assertThat(settings.entry(entry.id())).isEmpty();
        assertThat(settings.script(counter.id())).isEmpty();
        assertThat(version()).as("removing asks nobody again").isEqualTo(before);
        assertThat(admin.get(PAGE + "entries/" + entry.id() + "/").statusCode()).isEqualTo(404);
        server.server().refreshCache();
        assertThat(server.page("/").select("script[data-category]").eachAttr("data-src")).doesNotContain(changed.address());
    }

    @Test
    void aRefusedEntryOrScriptAnswers422WithWhatWasTypedAndChangesNothing() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        long counter = server.site().changes.current();
        ConsentSettings.Stored before = server.site().consentSettings.stored();

        HttpResponse<String> entry = admin.post(PAGE + "entries/", form(admin, "category", "statistics", "name", "_ga",
                "provider", "", "purpose", "Counts <b>visits</b>.", "duration", "2 years"));
        assertThat(entry.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(entry.body());
        assertThat(page.select(".form-error").text()).contains("nothing was changed", "Enter the provider");
        assertThat(page.select("#entry-provider").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#entry-name").attr("value")).isEqualTo("_ga");
        assertThat(page.select("#entry-purpose").text()).isEqualTo("Counts <b>visits</b>.");
        assertThat(page.select("#entry-category option[selected]").attr("value")).isEqualTo("statistics");
        assertThat(entry.body()).doesNotContain("<b>visits</b>");

        HttpResponse<String> script = admin.post(PAGE + "scripts/", form(admin, "category", "functional", "name", "Stats",
                "src", "http://stats.example.org/s.js", "code", ""));
        assertThat(script.statusCode()).isEqualTo(422);
        Document scriptPage = Jsoup.parse(script.body());
        assertThat(scriptPage.select("#script-category-error").text()).contains("cannot be Functional");
        assertThat(scriptPage.select("#script-src-error").text()).contains("https address");
        assertThat(scriptPage.select("#script-src").attr("value")).isEqualTo("http://stats.example.org/s.js");

        HttpResponse<String> unconfirmed = admin.post(PAGE + "ask-again/", form(admin));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unconfirmed.body()).select("#ask-confirm-error").text()).contains("Tick the box");

        assertThat(server.site().consentSettings.stored()).isEqualTo(before);
        assertThat(server.site().changes.current()).isEqualTo(counter);
    }

    @Test
    void askingAgainAfterConfirmingRaisesTheVersionAndTheBannerAsksEveryone() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        WebClient visitor = new WebClient(server);
        server.server().refreshCache();
        int before = version();
        visitor.post("/consent/", Map.of("choice", "accept-all", "back", "/"));
        assertThat(visitor.cookie(ConsentPolicy.COOKIE_NAME)).startsWith(before + ".");
        assertThat(admin.page(PAGE).select("label[for=ask-confirm]").text()).contains("version " + (before + 1));

        HttpResponse<String> asked = admin.post(PAGE + "ask-again/", form(admin, "confirm", "yes"));
        assertThat(asked.headers().firstValue("Location")).hasValue(PAGE + "?done=asked&again=1");
        server.server().refreshCache();
        assertThat(server.page("/").select("#consent-banner").attr("data-policy-version")).isEqualTo(String.valueOf(before + 1));
        Document choices = visitor.page("/consent/");
        assertThat(choices.text()).as("the old choice counts as none").contains("You have not chosen yet");
        assertThat(choices.select("main input[name=category][checked]")).extracting(e -> e.attr("value"))
                .containsExactly("functional");
    }

    @Test
    void noOtherRoleAndNoForgedFormMayChangeTheSettings() {
        ConsentSettings.Stored before = server.site().consentSettings.stored();
        for (AccountRole role : new AccountRole[] {AccountRole.EDITOR, AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR}) {
            WebClient other = desk.client(role);
            assertThat(other.get(PAGE).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.post(PAGE + "ask-again/", form(other, "confirm", "yes")).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.post(PAGE + "entries/", form(other, "category", "marketing", "name", "x", "provider", "x",
                    "purpose", "x", "duration", "x")).statusCode()).as(role.name()).isEqualTo(403);
        }
        WebClient admin = desk.client(AccountRole.ADMIN);
        Map<String, String> forged = new HashMap<>(Map.of("category", "marketing", "name", "Pixel", "src",
                "https://pixel.example.com/p.js", "code", ""));
        assertThat(admin.post(PAGE + "scripts/", forged).statusCode()).as("no token").isEqualTo(403);
        forged.put("_csrf", "not-the-token");
        assertThat(admin.post(PAGE + "scripts/", forged).statusCode()).as("a wrong token").isEqualTo(403);
        assertThat(admin.post(PAGE + "ask-again/", Map.of("confirm", "yes")).statusCode()).isEqualTo(403);
        assertThat(new WebClient(server).post(PAGE + "ask-again/", Map.of("confirm", "yes")).statusCode()).isEqualTo(401);
        assertThat(server.site().consentSettings.stored()).isEqualTo(before);
        assertThat(admin.page("/admin/privacy/consent/").select("a[href=" + PAGE + "]")).isNotEmpty();
        assertThat(admin.page("/admin/privacy/").select("a[href=" + PAGE + "]")).isNotEmpty();
    }

    /** Two servers of one site: what the administrator changes on one, the other shows after its next content check. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangeOnOneServerReachesAnotherServersPagesWithoutARestart(TestDatabase kind, @TempDir Path other) {
        TestDatabase.Created database = kind.create(other);
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (Site siteA = Site.open(TestSite.settings(database, other.resolve("a")), clock);
             Site siteB = Site.open(TestSite.settings(database, sameKeyAs(other.resolve("a"), other.resolve("b"))), clock)) {
            siteA.initialize(true);
            try (WebServer a = new WebServer(siteA).start(); WebServer b = new WebServer(siteB).start()) {
                WebClient readerOfB = new WebClient(java.net.URI.create("http://localhost:" + b.port()));
                assertThat(readerOfB.page("/").select("#consent-banner").attr("data-policy-version")).isEqualTo("1");
                readerOfB.page("/policies/");

                siteA.accounts.addUser("owner@example.org", "The Owner", AccountRole.ADMIN, Desk.PASSWORD);
                WebClient owner = new WebClient(java.net.URI.create("http://localhost:" + a.port()))
                        .signIn("owner@example.org", Desk.PASSWORD);
                assertThat(owner.post(PAGE + "scripts/", form(owner, "category", "statistics", "name", "Clinic counter",
                        "src", "", "code", "window.clinicCounted = true;")).statusCode()).isEqualTo(303);

                b.refreshCache(); // what its poller (or PostgreSQL's notification) does within half a second
                Document home = readerOfB.page("/");
                assertThat(home.select("#consent-banner").attr("data-policy-version")).isEqualTo("2");
                String address = home.select("script[type=text/plain][data-category=statistics]").attr("data-src");
                assertThat(address).startsWith("/consent/scripts/");
                assertThat(readerOfB.get(address).body()).isEqualTo("window.clinicCounted = true;");
                assertThat(readerOfB.page("/policies/").text()).contains("Version 2");
                assertThat(siteB.consent.allows(ConsentCategory.STATISTICS, "2.statistics.new", false)).isTrue();
            }
        } finally {
            database.drop().run();
        }
    }

    private static <T> T last(java.util.List<T> list) {
        return list.get(list.size() - 1);
    }

    /** A second server's folder, holding the first's consultation key, as every server of a site must. */
    private static Path sameKeyAs(Path first, Path second) {
        try {
            Files.createDirectories(second.resolve("data"));
            Files.copy(first.resolve("data").resolve("consult.key"), second.resolve("data").resolve("consult.key"));
            return second;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(WebClient client, String... pairs) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Desk.token(client));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
