package org.vertebra.taxonomy;

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

/** The categories page over HTTP: counts, add, rename with a 301 from the old address, delete only when empty. */
class CategoryAdminTest {

    private static TestServer server;
    private static Desk desk;
    private static WebClient admin;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-categories"));
        desk = new Desk(server, "categories");
        admin = desk.client(AccountRole.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theListShowsEachCategoryWithItsArticleCount() {
        Document page = admin.page("/admin/settings/categories/");
        var spine = page.select("table tbody tr").stream().filter(r -> r.select("th").text().startsWith("Spine")).findFirst().orElseThrow();
        long articles = server.site().categories.list().stream().filter(l -> l.category().slug().equals("spine"))
                .findFirst().orElseThrow().articles();
        assertThat(articles).isPositive();
        assertThat(spine.select("td").last().text()).isEqualTo(String.valueOf(articles));
        assertThat(spine.select("a[href=/category/spine/]")).hasSize(1);
    }

    @Test
    void anAddedCategoryHasItsPageAndALinkInTheCategoryMenu() {
        HttpResponse<String> added = admin.post("/admin/settings/categories/", Map.of("_csrf", Desk.token(admin),
                "name", "Sports Injuries", "slug", "", "description", "Strains, sprains and tears in active people."));

        assertThat(added.statusCode()).isEqualTo(303);
        server.server().refreshCache();
        Document page = server.page("/category/sports-injuries/");
        assertThat(page.select("h1").text()).isEqualTo("Sports Injuries");
        assertThat(page.select(".archive-intro").text()).isEqualTo("Strains, sprains and tears in active people.");
        assertThat(server.page("/").select("nav.category-nav a").eachText()).contains("Sports Injuries");
    }

    @Test
    void aRenamedCategoryAnswersAtItsNewAddressAndItsOldOneRedirectsThere() {
        server.page("/category/tumors/"); // cached under the old name
        long id = server.site().taxonomy.category("tumors").orElseThrow().id();

        HttpResponse<String> saved = admin.post("/admin/settings/categories/" + id + "/", Map.of("_csrf", Desk.token(admin),
                "name", "Bone Tumours", "slug", "bone-tumours", "description", "Lumps in bone, mostly harmless."));

        assertThat(saved.statusCode()).isEqualTo(303);
        server.server().refreshCache();
        HttpResponse<String> old = server.get("/category/tumors/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains("/category/bone-tumours/");
        assertThat(server.get("/category/tumors/page/2/").headers().firstValue("Location")).contains("/category/bone-tumours/page/2/");
        Document renamed = server.page("/category/bone-tumours/");
        assertThat(renamed.select("h1").text()).isEqualTo("Bone Tumours");
        assertThat(renamed.select("nav.category-nav a[href=/category/bone-tumours/]").text()).isEqualTo("Bone Tumours");
        assertThat(renamed.select("nav.category-nav a[href=/category/tumors/]")).isEmpty();
        assertThat(renamed.select(".card")).isNotEmpty();
    }

    @Test
    void aCategoryWithArticlesIsNotDeletedAndTheMessageSaysWhy() {
        long id = server.site().taxonomy.category("trauma").orElseThrow().id();

        HttpResponse<String> refused = admin.post("/admin/settings/categories/" + id + "/delete/", Map.of("_csrf", Desk.token(admin)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("Trauma").contains("still has")
                .contains("Move");
        assertThat(server.site().taxonomy.category("trauma")).isPresent();
    }

    @Test
    void anEmptyCategoryIsDeletedWithItsMenuLinks() {
        admin.post("/admin/settings/categories/", Map.of("_csrf", Desk.token(admin), "name", "Passing Fad", "slug", "",
                "description", ""));
        long id = server.site().taxonomy.category("passing-fad").orElseThrow().id();

        assertThat(admin.post("/admin/settings/categories/" + id + "/delete/", Map.of("_csrf", Desk.token(admin))).statusCode())
                .isEqualTo(303);
        server.server().refreshCache();
        assertThat(server.get("/category/passing-fad/").statusCode()).isEqualTo(404);
        assertThat(server.page("/").select("nav.category-nav a").eachText()).doesNotContain("Passing Fad");
    }

    @Test
    void refusedChangesKeepWhatWasTypedAndChangeNothing() {
        long id = server.site().taxonomy.category("wellness").orElseThrow().id();
        Category before = server.site().categories.byId(id).orElseThrow();
        Map<String, String> cases = Map.of(
                "", "Enter the name",
                "Spine!", "already has the address");
        cases.forEach((name, message) -> {
            String slug = name.isEmpty() ? "wellness" : "spine";
            HttpResponse<String> refused = admin.post("/admin/settings/categories/" + id + "/", Map.of("_csrf", Desk.token(admin),
                    "name", name, "slug", slug, "description", "Typed text"));
            assertThat(refused.statusCode()).as(name).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select(".field-error").text()).as(name).contains(message);
            assertThat(page.select("#slug").val()).isEqualTo(slug);
            assertThat(page.select("#description").text()).isEqualTo("Typed text");
        });
        assertThat(admin.post("/admin/settings/categories/" + id + "/", Map.of("_csrf", Desk.token(admin), "name", "Wellness",
                "slug", "Not A Slug", "description", "")).statusCode()).isEqualTo(422);
        assertThat(server.site().categories.byId(id)).contains(before);
    }

    @Test
    void onlyAdministratorsMayChangeCategoriesAndEveryChangeNeedsTheCsrfToken() {
        long id = server.site().taxonomy.category("pain").orElseThrow().id();
        Category before = server.site().categories.byId(id).orElseThrow();
        for (AccountRole role : List.of(AccountRole.EDITOR, AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = desk.client(role);
            String token = Desk.token(client);
            assertThat(client.get("/admin/settings/categories/").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.post("/admin/settings/categories/" + id + "/", Map.of("_csrf", token, "name", "Mine",
                    "slug", "mine", "description", "")).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.post("/admin/settings/categories/", Map.of("_csrf", token, "name", "Mine too", "slug", "",
                    "description", "")).statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(admin.post("/admin/settings/categories/" + id + "/", Map.of("name", "Forged", "slug", "forged",
                "description", "")).statusCode()).isEqualTo(403);
        assertThat(server.site().categories.byId(id)).contains(before);
        assertThat(server.site().taxonomy.category("mine-too")).isEmpty();
    }
}
