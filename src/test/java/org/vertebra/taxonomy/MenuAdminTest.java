package org.vertebra.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The menu editor over HTTP: links added, nested, moved and removed show on the public site at once. */
class MenuAdminTest {

    private static TestServer server;
    private static Desk desk;
    private static WebClient admin;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-menus"));
        desk = new Desk(server, "menus");
        admin = desk.client(AccountRole.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNestedLinkAddedMovedAndRemovedShowsOnThePublicMenuRightAfter() {
        server.page("/"); // cached before the change
        HttpResponse<String> added = add("primary", "Patients", "/patients/", "", "");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).contains("/admin/settings/menus/?done=added#primary");
        long parent = itemId("primary", "Patients");
        assertThat(add("primary", "", "", categoryId("spine"), String.valueOf(parent)).statusCode()).isEqualTo(303);
        assertThat(add("primary", "Guide", "https://guide.example.org/", "", String.valueOf(parent)).statusCode()).isEqualTo(303);
        server.server().refreshCache();

        Element patients = primaryItem(server.page("/"), "Patients");
        assertThat(patients.select("> ul.sub-menu > li > a").eachText()).containsExactly("Spine", "Guide");
        assertThat(patients.select("> ul.sub-menu a").eachAttr("href")).containsExactly("/category/spine/", "https://guide.example.org/");

        int placeBefore = server.page("/").select("#primary-nav > ul > li > a").eachText().indexOf("Patients");
        assertThat(post("/admin/settings/menus/items/" + itemId("primary", "Guide") + "/up/").statusCode()).isEqualTo(303);
        assertThat(post("/admin/settings/menus/items/" + parent + "/up/").statusCode()).isEqualTo(303);
        server.server().refreshCache();
        Document home = server.page("/");
        assertThat(primaryItem(home, "Patients").select("> ul.sub-menu > li > a").eachText()).containsExactly("Guide", "Spine");
        assertThat(home.select("#primary-nav > ul > li > a").eachText().indexOf("Patients")).isEqualTo(placeBefore - 1);

        assertThat(post("/admin/settings/menus/items/" + parent + "/remove/").statusCode()).isEqualTo(303);
        server.server().refreshCache();
        List<String> after = server.page("/").select("#primary-nav > ul > li > a").eachText();
        assertThat(after).doesNotContain("Patients").contains("Guide", "Spine");
    }

    @Test
    void anItemIsEditedAndMovedUnderAParentThroughItsOwnForm() {
        add("primary", "Clinics", "/clinics/", "", "");
        add("primary", "North clinic", "/clinics/north/", "", "");
        long parent = itemId("primary", "Clinics");
        long child = itemId("primary", "North clinic");

        HttpResponse<String> saved = admin.post("/admin/settings/menus/items/" + child + "/", Map.of("_csrf", Desk.token(admin),
                "label", "North", "path", "/clinics/north/", "category", "", "parent", String.valueOf(parent)));

        assertThat(saved.statusCode()).isEqualTo(303);
        server.server().refreshCache();
        assertThat(primaryItem(server.page("/"), "Clinics").select("ul.sub-menu a").eachText()).containsExactly("North");
        HttpResponse<String> tooDeep = admin.post("/admin/settings/menus/items/" + parent + "/", Map.of("_csrf", Desk.token(admin),
                "label", "Clinics", "path", "/clinics/", "category", "", "parent", String.valueOf(itemId("primary", "About"))));
        assertThat(tooDeep.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooDeep.body()).select("#parent-error").text()).contains("nest one level");
    }

    @Test
    void refusedLinksSayWhyBesideTheFieldKeepWhatWasTypedAndChangeNothing() {
        Map<String, String[]> cases = Map.of(
                "label", new String[] {"", "/somewhere/", "Enter the label"},
                "path", new String[] {"Nowhere", "about-us", "must start with /"});
        List<MenuEntry> before = server.site().menus.tree("primary");
        cases.forEach((field, values) -> {
            HttpResponse<String> refused = add("primary", values[0], values[1], "", "");
            assertThat(refused.statusCode()).as(field).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#primary-" + field + "-error").text()).as(field).contains(values[2]);
            assertThat(page.select("#primary-" + field).attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#primary-path").val()).isEqualTo(values[1]);
            assertThat(page.select("#primary-label").val()).isEqualTo(values[0]);
        });
        for (String bad : List.of("http://plain.example/", "//evil.example/", "javascript:alert(1)", "/with space/")) {
            assertThat(add("primary", "Bad", bad, "", "").statusCode()).as(bad).isEqualTo(422);
        }
        HttpResponse<String> duplicate = add("primary", "About again", "/about/", "", "");
        assertThat(Jsoup.parse(duplicate.body()).select("#primary-path-error").text()).contains("already links to /about/");
        assertThat(server.site().menus.tree("primary")).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsMayChangeMenusAndEveryChangeNeedsTheCsrfToken() {
        long about = itemId("primary", "About");
        List<MenuEntry> before = server.site().menus.tree("primary");
        for (AccountRole role : List.of(AccountRole.EDITOR, AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = desk.client(role);
            String token = Desk.token(client);
            assertThat(client.get("/admin/settings/menus/").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.post("/admin/settings/menus/primary/", Map.of("_csrf", token, "label", "X", "path", "/x/"))
                    .statusCode()).as(role.name()).isEqualTo(403);
            for (String action : List.of("up", "down", "remove")) {
                assertThat(client.post("/admin/settings/menus/items/" + about + "/" + action + "/", Map.of("_csrf", token))
                        .statusCode()).as(role + " " + action).isEqualTo(403);
            }
        }
        assertThat(admin.post("/admin/settings/menus/items/" + about + "/remove/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.site().menus.tree("primary")).isEqualTo(before);
    }

    @Test
    void theEditorPageListsBothMenusWithButtonsThatWorkWithoutScript() {
        Document page = admin.page("/admin/settings/menus/");
        assertThat(page.select("section.menu-editor h2").eachText()).containsExactly("Primary menu", "Category menu");
        assertThat(page.select("form[action$=/up/] button, form[action$=/down/] button")).isNotEmpty();
        assertThat(page.select("form[method=post]")).allSatisfy(f -> assertThat(f.select("input[name=_csrf]").val()).isNotBlank());
        assertThat(page.select("#categories-category option").eachText()).contains("Spine", "Trauma");
    }

    private static HttpResponse<String> add(String menu, String label, String path, String category, String parent) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", Desk.token(admin), "label", label, "path", path,
                "category", category, "parent", parent));
        return admin.post("/admin/settings/menus/" + menu + "/", form);
    }

    private static HttpResponse<String> post(String path) {
        return admin.post(path, Map.of("_csrf", Desk.token(admin)));
    }

    private static long itemId(String menu, String label) {
        return server.site().menus.tree(menu).stream().flatMap(i -> Stream.concat(Stream.of(i), i.children().stream()))
                .filter(i -> i.label().equals(label)).findFirst().orElseThrow().id();
    }

    private static String categoryId(String slug) {
        return String.valueOf(server.site().taxonomy.category(slug).orElseThrow().id());
    }

    private static Element primaryItem(Document page, String label) {
        return page.select("#primary-nav > ul > li").stream().filter(li -> li.selectFirst("> a").text().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no top-level item " + label));
    }
}
