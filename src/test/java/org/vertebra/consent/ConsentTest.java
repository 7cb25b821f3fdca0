package org.vertebra.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The consent manager over HTTP: the banner every page carries, choices, the log and the server's own decisions. */
class ConsentTest {

    static final String ARTICLE = "/tennis-elbow-lateral-epicondylitis/";
    private static TestServer demo;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws Exception {
        demo = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-consent"));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void everyPageCarriesTheHiddenBannerTheDialogAndTheFooterLinkAndSetsNoCookie() {
        for (String path : new String[] {"/", ARTICLE, "/teleconsult/", "/search/?q=knee"}) {
            HttpResponse<String> response = demo.get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#consent-banner[hidden][data-policy-version=1]")).as(path).hasSize(1);
            assertThat(page.select("#consent-banner button[value=accept-all], #consent-banner button[value=reject-all], "
                    + "#consent-banner button[value=manage]")).hasSize(3);
            assertThat(page.select("dialog#consent-dialog[aria-labelledby=consent-dialog-title] input[name=category]"))
                    .extracting(e -> e.attr("value")).containsExactly("functional", "preferences", "statistics", "marketing");
            assertThat(page.select("footer a.consent-manage[href=/consent/]")).hasSize(1);
        }
    }

    @Test
    void anArticlesVideoIsAnInertPlaceholderAndTheFrameMayOnlyShowTheVideoPlayers() {
        HttpResponse<String> response = demo.get(ARTICLE);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("figure.embed[data-category=marketing]").attr("data-embed-src"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/DEMOvideo01");
        assertThat(page.select("iframe")).isEmpty();
        assertThat(page.select("[src]")).extracting(e -> e.attr("src")).allMatch(src -> src.startsWith("/"));
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;").contains("script-src 'self';");
    }

    @Test
    void thePoliciesPageGainsCookieAndPrivacyPoliciesGeneratedFromTheConfiguration() {
        Document page = demo.page("/policies/");
        assertThat(page.select("main h2").eachText()).contains("Editorial policy", "Cookie policy", "Privacy policy");
        assertThat(page.select("nav.toc a[href=#cookie-policy], nav.toc a[href=#privacy-policy]")).hasSize(2);
        assertThat(page.select("#cookie-policy ~ h3").eachText()).contains("Functional (always on)", "Preferences", "Statistics", "Marketing");
        assertThat(page.select("section.generated-policy td").eachText()).contains(ConsentPolicy.COOKIE_NAME, "Google (YouTube)", "Vimeo");
        assertThat(page.select("#privacy-policy ~ p a[href=/privacy/my-data/]")).hasSize(1);
        assertThat(demo.page("/about/").select("#cookie-policy")).as("only on the Policies page").isEmpty();
    }

    @Test
    void acceptAllSetsTheCookieLogsTheChoiceAndRedirectsBack() {
        WebClient visitor = new WebClient(demo);
        int before = demo.site().consent.count();
        HttpResponse<String> response = visitor.post("/consent/", Map.of("choice", "accept-all", "back", ARTICLE));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(ARTICLE);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("vertebra_consent=1.preferences+statistics+marketing.")
                .contains("Path=/").contains("SameSite=Lax").contains("Max-Age=15724800").doesNotContain("HttpOnly");
        assertThat(demo.site().consent.count()).isEqualTo(before + 1);
        ConsentRecord entry = demo.site().consent.recent().get(0);
        assertThat(entry.categories()).isEqualTo("preferences+statistics+marketing");
        assertThat(visitor.cookie("vertebra_consent")).endsWith("." + entry.consentId());
        assertThat(entry.addressHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void privacySignalsRejectStatisticsAndMarketingOnTheServer() {
        for (Map<String, String> signal : java.util.List.of(Map.of("Sec-GPC", "1"), Map.of("DNT", "1"))) {
            WebClient visitor = new WebClient(demo);
            visitor.post("/consent/", Map.of("choice", "accept-all", "back", "/"), signal);
            assertThat(visitor.cookie("vertebra_consent")).startsWith("1.preferences.");
            assertThat(demo.site().consent.recent().get(0).privacySignal()).isTrue();
            assertThat(demo.site().consent.allows(ConsentCategory.STATISTICS, "1.statistics.x", true)).isFalse();
            Document manage = Jsoup.parse(new WebClient(demo).post("/consent/", Map.of(), signal).body());
            assertThat(manage).isNotNull();
        }
    }

    @Test
    void theScriptGetsTheSavedChoiceAsJsonAndTheDialogsButtonWinsOverSave() {
        WebClient visitor = new WebClient(demo);
        HttpResponse<String> response = visitor.post("/consent/?", Map.of("choice", "save", "category", "statistics"),
                Map.of("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"categories\":[\"functional\",\"statistics\"]");
        assertThat(ConsentRoutes.requested(java.util.List.of("save", "reject-all"), java.util.List.of("marketing")))
                .containsExactly(ConsentCategory.FUNCTIONAL);
        assertThat(ConsentRoutes.requested(java.util.List.of("save", "accept-all"), java.util.List.of()))
                .containsExactlyInAnyOrder(ConsentCategory.values());
    }

    @Test
    void theManagePageShowsTheChoiceAndNeverRedirectsElsewhere() {
        WebClient visitor = new WebClient(demo);
        visitor.post("/consent/", Map.of("choice", "save", "category", "preferences", "back", "/"));
        Document page = visitor.page("/consent/?back=/about/");
        assertThat(page.select("main input[name=category][checked]")).extracting(e -> e.attr("value"))
                .containsExactly("functional", "preferences");
        assertThat(page.select("main input[name=back]").attr("value")).isEqualTo("/about/");
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
            HttpResponse<String> response = visitor.post("/consent/", Map.of("choice", "reject-all", "back", elsewhere));
            assertThat(response.headers().firstValue("Location")).hasValue("/consent/?saved=1");
        }
        assertThat(demo.get("/consent/").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aNewPolicyVersionAsksAgain() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve(ConsentPolicy.FILE_NAME), """
                {"version": 2,
                 "cookies": [{"category": "statistics", "name": "_demo_stats", "purpose": "Counts visits for the demo.",
                              "duration": "1 day", "provider": "Demo Statistics Ltd"}],
                 "scripts": [{"category": "statistics", "src": "https://stats.example.org/demo.js"}]}""");
        try (TestServer server = TestServer.empty(TestDatabase.SQLITE, folder, TestClock.at("2026-01-05T10:00:00Z"))) {
            HttpResponse<String> response = server.get("/consent/");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#consent-banner").attr("data-policy-version")).isEqualTo("2");
            assertThat(page.select("script[type=text/plain][data-category=statistics]").attr("data-src"))
                    .isEqualTo("https://stats.example.org/demo.js");
            assertThat(page.select("script[src^=https]")).isEmpty();
            assertThat(page.text()).contains("_demo_stats", "Demo Statistics Ltd");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self' https://stats.example.org;");
            ConsentService consent = server.site().consent;
            assertThat(consent.allows(ConsentCategory.STATISTICS, "1.statistics.old", false)).as("a version 1 choice").isFalse();
            assertThat(consent.allows(ConsentCategory.STATISTICS, "2.statistics.new", false)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAdminSeesAndExportsTheLogWithoutAnyAddress(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-01-05T10:00:00Z"))) {
            server.site().accounts.addUser("ada@example.org", "Ada Admin", AccountRole.ADMIN, "a long enough password");
            server.site().consent.choose(java.util.Set.of(ConsentCategory.STATISTICS), false, "198.51.100.7");
            server.site().consent.choose(java.util.Set.of(ConsentCategory.MARKETING), true, "198.51.100.8");
            WebClient admin = new WebClient(server).signIn("ada@example.org", "a long enough password");
            Document log = admin.page("/admin/privacy/consent/");
            assertThat(log.select("tbody tr")).hasSize(2);
            assertThat(log.select("tbody tr").get(0).text()).contains("none").contains("yes");
            HttpResponse<String> csv = admin.get("/admin/privacy/consent.csv");
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body().split("\r\n")).hasSize(3);
            assertThat(csv.body()).contains("2026-01-05T10:00:00Z,1,statistics,false,").contains(",1,-,true,")
                    .doesNotContain("198.51.100");
            assertThat(new WebClient(server).get("/admin/privacy/consent.csv").statusCode()).isEqualTo(302);
        }
    }
}
