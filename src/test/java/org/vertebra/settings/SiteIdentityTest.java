package org.vertebra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The site identity form over HTTP: what public pages show after it, what it refuses, and who may use it. */
class SiteIdentityTest {

    private static TestServer server;
    private static Desk desk;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-identity"));
        desk = new Desk(server, "identity");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSavedTitleTaglineAndFooterShowOnEveryPublicPageAndFeedAtOnce() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        server.page("/"); // fill the page cache first: the change must drop it
        HttpResponse<String> saved = admin.post("/admin/settings/identity/", Map.of("_csrf", Desk.token(admin),
                "title", "Harbour Spine Clinic", "tagline", "Back and neck care in Harbour Town",
                "footer", "12 Quay Street, Harbour Town\nMonday to Friday, 8 to 6\n\nCall 0100 200 300 for an appointment."));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/admin/settings/?done=saved");
        assertThat(admin.page("/admin/settings/?done=saved").select("[role=status]").text()).contains("saved");
        server.server().refreshCache();
        for (String path : List.of("/", "/low-back-pain-when-to-worry/", "/category/spine/", "/about/")) {
            Document page = server.page(path);
            assertThat(page.select(".site-title").text()).as(path).isEqualTo("Harbour Spine Clinic");
            assertThat(page.select(".site-tagline").text()).as(path).isEqualTo("Back and neck care in Harbour Town");
            assertThat(page.select("footer.site-footer p").eachText()).as(path).hasSize(3)
                    .first().asString().startsWith("Copyright").contains("Harbour Spine Clinic");
            assertThat(page.select("footer.site-footer .footer-text").get(0).wholeText()).contains("12 Quay Street, Harbour Town\nMonday");
            assertThat(page.title()).as(path).endsWith("Harbour Spine Clinic");
        }
        assertThat(server.get("/feed/").body()).contains("<title>Harbour Spine Clinic</title>");
        assertThat(admin.page("/admin/").select(".admin-site a").text()).isEqualTo("Harbour Spine Clinic");

        // Cleared, the configured title comes back, and the tagline and footer text go.
        assertThat(admin.post("/admin/settings/identity/", Map.of("_csrf", Desk.token(admin), "title", " ",
                "tagline", "", "footer", "")).statusCode()).isEqualTo(303);
        server.server().refreshCache();
        Document home = server.page("/");
        assertThat(home.select(".site-title").text()).isEqualTo("Test Clinic");
        assertThat(home.select(".site-tagline")).isEmpty();
        assertThat(home.select("footer.site-footer p")).hasSize(1);
    }

    @Test
    void aRefusedChangeKeepsWhatWasTypedShowsTheMessageBesideTheFieldAndChangesNothing() {
        WebClient admin = desk.client(AccountRole.ADMIN);
        IdentityChange before = server.site().siteSettings.stored();
        String longTitle = "T".repeat(IdentityChange.TITLE_MAX + 1);

        HttpResponse<String> refused = admin.post("/admin/settings/identity/", Map.of("_csrf", Desk.token(admin),
                "title", longTitle, "tagline", "Kept tagline", "footer", "Kept footer"));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document form = Jsoup.parse(refused.body());
        assertThat(form.select("#title").val()).isEqualTo(longTitle);
        assertThat(form.select("#title").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#title-error").text()).contains("too long");
        assertThat(form.select("#title").attr("aria-describedby")).contains("title-error");
        assertThat(form.select("#tagline").val()).isEqualTo("Kept tagline");
        assertThat(form.select("#footer").text()).isEqualTo("Kept footer");
        assertThat(form.select("[role=alert] a[href=#title]")).hasSize(1);
        assertThat(server.site().siteSettings.stored()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsMayOpenOrChangeTheSettings() {
        for (AccountRole role : List.of(AccountRole.EDITOR, AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = desk.client(role);
            assertThat(client.get("/admin/settings/").statusCode()).as(role.name()).isEqualTo(403);
            HttpResponse<String> post = client.post("/admin/settings/identity/", Map.of("_csrf", Desk.token(client),
                    "title", "Taken over by " + role, "tagline", "", "footer", ""));
            assertThat(post.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(post.body()).contains("Not allowed");
        }
        assertThat(server.site().siteSettings.identity().title()).doesNotStartWith("Taken over");
        assertThat(new WebClient(server).post("/admin/settings/identity/", Map.of("title", "Visitor")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        HttpResponse<String> response = desk.client(AccountRole.ADMIN).post("/admin/settings/identity/",
                Map.of("title", "Forged Title", "tagline", "", "footer", ""));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.site().siteSettings.identity().title()).isNotEqualTo("Forged Title");
    }
}
