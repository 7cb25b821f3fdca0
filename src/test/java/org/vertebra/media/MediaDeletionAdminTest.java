package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Where an image is used, its deletion and the editor's picker over real HTTP on SQLite: who may
 * delete, CSRF, the second step for an image in use, 404 once deleted (even for a cached file and
 * its ETag), search on the library page and the picker's JSON.
 */
class MediaDeletionAdminTest {

    static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static MediaLibrary media;
    private static final Map<AccountRole, WebClient> CLIENTS = new EnumMap<>(AccountRole.class);

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-media-delete"),
                TestClock.at("2025-03-01T09:00:00Z"));
        media = server.site().media;
        for (AccountRole role : AccountRole.values()) {
            server.site().accounts.addUser(role.key() + "@example.org", "The " + role.label(), role, PASSWORD);
            CLIENTS.put(role, new WebClient(server).signIn(role.key() + "@example.org", PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEditorDeletesAnUnusedImageAndItsFilesAnswer404AtOnce() {
        MediaItem item = media.upload(new MediaUpload("ankle.jpg", TestImages.jpeg(900, 600), "An ankle from the side"));
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        HttpResponse<String> served = server.get(item.url());
        assertThat(served.statusCode()).isEqualTo(200);
        String etag = served.headers().firstValue("ETag").orElseThrow();
        Document page = editor.page("/admin/media/" + item.id() + "/");
        assertThat(page.select("[data-uses=none]").text()).contains("No article, page or author profile shows this image");

        HttpResponse<String> deleted = editor.post("/admin/media/" + item.id() + "/delete/", Map.of("_csrf", token(editor)));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).contains("/admin/media/?done=deleted");
        assertThat(editor.page("/admin/media/?done=deleted").select(".notice[role=status]").text()).contains("The file is deleted");
        assertThat(media.byId(item.id())).isEmpty();
        assertThat(server.get(item.url()).statusCode()).as("the cached original").isEqualTo(404);
        assertThat(server.get(item.variants().get(0).url()).statusCode()).isEqualTo(404);
        HttpResponse<String> revalidated = send(item.url(), "If-None-Match", etag);
        assertThat(revalidated.statusCode()).as("a browser's ETag is no 304 for a deleted file").isEqualTo(404);
        assertThat(editor.get("/admin/media/" + item.id() + "/").statusCode()).isEqualTo(404);
        assertThat(editor.post("/admin/media/" + item.id() + "/delete/", Map.of("_csrf", token(editor))).statusCode()).isEqualTo(404);
    }

    @Test
    void anImageInUseIsRefusedWithItsUsesUntilTheEditorConfirms() {
        MediaItem item = media.upload(new MediaUpload("hip.jpg", TestImages.jpeg(800, 600), "A hip joint"));
        Article article = MediaRemovalTest.article(server.site(), "hip-pain", "Hip pain at night",
                "Demo content, not medical advice.\n\n![A hip joint](" + item.variants().get(0).url() + ")", item.id(),
                Article.PUBLISHED);
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        Document page = editor.page("/admin/media/" + item.id() + "/");
        assertThat(page.select(".media-uses li").eachText())
                .containsExactly("Hip pain at night, as the featured image and in the text");
        assertThat(page.select(".media-uses a").attr("href")).isEqualTo("/admin/articles/" + article.id() + "/edit/");

        HttpResponse<String> refused = editor.post("/admin/media/" + item.id() + "/delete/", Map.of("_csrf", token(editor)));

        assertThat(refused.statusCode()).isEqualTo(409);
        Document refusal = org.jsoup.Jsoup.parse(refused.body());
        assertThat(refusal.select(".form-error[role=alert]").text()).contains("was not deleted", "used in one place");
        assertThat(refusal.select(".media-uses li").eachText()).containsExactly("Hip pain at night, as the featured image and in the text");
        assertThat(refusal.select("input[name=confirm]").val()).isEqualTo("delete-anyway");
        assertThat(refusal.select(".danger button").text()).isEqualTo("Delete it anyway");
        assertThat(media.byId(item.id())).isPresent();
        assertThat(server.get(item.url()).statusCode()).isEqualTo(200);

        HttpResponse<String> confirmed = editor.post("/admin/media/" + item.id() + "/delete/",
                Map.of("_csrf", token(editor), "confirm", "delete-anyway"));

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location")).contains("/admin/media/?done=deleted-in-use");
        assertThat(media.byId(item.id())).isEmpty();
        assertThat(server.get(item.url()).statusCode()).isEqualTo(404);
        assertThat(server.site().articles.byId(article.id()).orElseThrow().imageId()).isNull();
    }

    @Test
    void onlyEditorsAndAdminsMayDeleteAndNeverWithoutTheCsrfToken() {
        MediaItem item = media.upload(new MediaUpload("elbow.png", TestImages.png(120, 90), "An elbow"));
        for (AccountRole role : List.of(AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = CLIENTS.get(role);
            assertThat(client.post("/admin/media/" + item.id() + "/delete/",
                    Map.of("_csrf", token(client), "confirm", "delete-anyway")).statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(CLIENTS.get(AccountRole.AUTHOR).page("/admin/media/" + item.id() + "/").select(".danger")).as("no button").isEmpty();
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        assertThat(editor.post("/admin/media/" + item.id() + "/delete/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/media/" + item.id() + "/delete/", Map.of("_csrf", token(CLIENTS.get(AccountRole.ADMIN))))
                .statusCode()).isEqualTo(403);
        assertThat(new WebClient(server).post("/admin/media/" + item.id() + "/delete/", Map.of()).statusCode()).isEqualTo(401);
        assertThat(media.byId(item.id())).isPresent();
        assertThat(server.get(item.url()).statusCode()).isEqualTo(200);
    }

    @Test
    void theLibrarySearchesByNameOrDescriptionAndKeepsTheFilterAndSearchInItsLinks() {
        media.upload(new MediaUpload("scaphoid-cast.png", TestImages.png(130, 90), "A wrist in a cast"));
        media.upload(new MediaUpload("scaphoid-view.png", TestImages.png(131, 90), null));
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);

        Document found = author.page("/admin/media/?q=scaphoid");
        assertThat(found.select(".media-card .media-name").eachText()).containsExactlyInAnyOrder("scaphoid-cast.png", "scaphoid-view.png");
        assertThat(found.select("input#media-q").val()).isEqualTo("scaphoid");
        assertThat(found.select(".search-status").text()).contains("2 files match");
        assertThat(author.page("/admin/media/?q=WRIST+in").select(".media-card .media-name").eachText()).containsExactly("scaphoid-cast.png");
        Document undescribed = author.page("/admin/media/?q=scaphoid&filter=needs-description");
        assertThat(undescribed.select(".media-card .media-name").eachText()).containsExactly("scaphoid-view.png");
        assertThat(undescribed.select("form.media-search input[name=filter]").val()).isEqualTo("needs-description");
        assertThat(author.page("/admin/media/?q=%3Cnothing%3E").select("main").text()).contains("No file matches");
    }

    @Test
    void thePickerListsImagesAsJsonWithTheirMarkdownForThoseWhoMayUseTheLibrary() throws IOException {
        MediaItem item = media.upload(new MediaUpload("picker-knee.png", TestImages.png(400, 300), "A knee [left]"));
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);

        HttpResponse<String> response = author.get("/admin/media/picker.json?q=picker-knee");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("total").asLong()).isEqualTo(1);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(item.id());
        assertThat(first.path("alt").asText()).isEqualTo("A knee [left]");
        assertThat(first.path("markdown").asText()).isEqualTo("![A knee \\[left\\]](" + item.url() + ")");
        assertThat(first.path("thumbnail").asText()).isEqualTo(item.variants().get(0).url());
        assertThat(body.path("next").isNull()).isTrue();
        for (AccountRole role : List.of(AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            assertThat(CLIENTS.get(role).get("/admin/media/picker.json").statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(new WebClient(server).get("/admin/media/picker.json").statusCode()).isIn(302, 401);
    }

    @Test
    void theEditorOffersThePickerOnlyToItsScriptAndKeepsTheNumberFieldWithoutIt() {
        MediaItem item = media.upload(new MediaUpload("editor-spine.png", TestImages.png(160, 120), "A spine"));
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        Document page = editor.page("/admin/articles/new/");

        assertThat(page.select("[data-media-picker=markdown][hidden] button").text()).isEqualTo("Insert image, sound or video");
        assertThat(page.select("[data-media-picker=imageId][hidden] button").text())
                .isEqualTo("Choose the featured image from the library");
        assertThat(page.select("input#imageId[name=imageId]")).hasSize(1);
        assertThat(page.select("script[src=/static/js/media-picker.js]")).hasSize(1);
        assertThat(server.get("/static/js/media-picker.js").statusCode()).isEqualTo(200);
        Document itemPage = editor.page("/admin/media/" + item.id() + "/");
        assertThat(itemPage.select("#markdown").val()).isEqualTo("![A spine](" + item.url() + ")");
        assertThat(itemPage.select(".facts").text()).contains("Number " + item.id());
    }

    private static HttpResponse<String> send(String path, String header, String value) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri(path))
                    .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(WebClient client) {
        return client.csrfToken("/admin/account/");
    }
}
