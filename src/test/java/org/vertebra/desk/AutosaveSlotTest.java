package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * A published article's unsaved edits kept on the site, over HTTP on SQLite and PostgreSQL: one
 * slot per writer, which readers never see, and which saving the article empties.
 */
class AutosaveSlotTest {

    private static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWritersUnsavedEditsAreKeptForThemAloneWithoutChangingThePublishedPageUntilTheySave(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestServer server = TestServer.empty(kind, temp, clock)) {
            WebClient eve = signedIn(server, AccountRole.EDITOR, "eve@example.org");
            WebClient otto = signedIn(server, AccountRole.EDITOR, "otto@example.org");
            WebClient ann = signedIn(server, AccountRole.AUTHOR, "ann@example.org");
            long id = publish(eve);
            Article published = server.site().articles.byId(id).orElseThrow();
            String slot = "/admin/articles/" + id + "/autosave/";
            Document editor = eve.page("/admin/articles/" + id + "/edit/");
            assertThat(editor.selectFirst("form.editor-form").attr("data-autosave-slot")).isEqualTo(slot);
            assertThat(eve.get(slot).statusCode()).as("nothing kept yet").isEqualTo(204);

            clock.advance(java.time.Duration.ofMinutes(5));
            HttpResponse<String> kept = eve.post(slot, Map.of("_csrf", eve.csrfToken("/admin/articles/" + id + "/edit/"),
                    "title", "Knee pain", "markdown", "Rest the knee.\n\nA safety fix typed but not saved.", "intent", "publish"));
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
            assertThat(JSON.readTree(kept.body()).get("savedAt").asLong()).isEqualTo(clock.instant().toEpochMilli());

            JsonNode back = JSON.readTree(eve.get(slot).body());
            assertThat(back.get("fields").get("markdown").asText()).endsWith("typed but not saved.");
            assertThat(back.get("fields").has("intent")).as("only the editor's fields").isFalse();
            Article after = server.site().articles.byId(id).orElseThrow();
            assertThat(after.bodyMarkdown()).isEqualTo(published.bodyMarkdown());
            assertThat(after.modifiedAt()).isEqualTo(published.modifiedAt());
            server.server().refreshCache();
            assertThat(server.get("/knee-pain/").body()).contains("Rest the knee.").doesNotContain("typed but not saved");

            assertThat(otto.get(slot).statusCode()).as("another editor has a slot of their own").isEqualTo(204);
            assertThat(ann.get(slot).statusCode()).as("an author who may not edit it").isEqualTo(403);
            assertThat(ann.post(slot, Map.of("_csrf", ann.csrfToken("/admin/articles/new/"), "markdown", "x")).statusCode())
                    .isEqualTo(403);
            assertThat(eve.post(slot, Map.of("markdown", "no token")).statusCode()).as("CSRF").isEqualTo(403);

            Map<String, String> save = new HashMap<>(Map.of("_csrf", eve.csrfToken("/admin/articles/" + id + "/edit/"),
                    "kind", "post", "title", "Knee pain", "slug", "knee-pain", "markdown", "Rest the knee.\n\nA safety fix.",
                    "zone", "UTC", "intent", "save", "modified", editor.selectFirst("input[name=modified]").val()));
            assertThat(eve.post("/admin/articles/" + id + "/", save).statusCode()).isEqualTo(303);
            assertThat(eve.get(slot).statusCode()).as("saved: nothing left to restore").isEqualTo(204);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDiscardedSlotIsGoneAndANewAutosaveReplacesTheOldOne(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            WebClient eve = signedIn(server, AccountRole.EDITOR, "eve@example.org");
            long id = publish(eve);
            String slot = "/admin/articles/" + id + "/autosave/";
            String token = eve.csrfToken("/admin/articles/" + id + "/edit/");
            eve.post(slot, Map.of("_csrf", token, "markdown", "first"));
            eve.post(slot, Map.of("_csrf", token, "markdown", "second"));
            assertThat(JSON.readTree(eve.get(slot).body()).get("fields").get("markdown").asText()).isEqualTo("second");

            assertThat(eve.post(slot + "discard/", Map.of("_csrf", token)).statusCode()).isEqualTo(204);
            assertThat(eve.get(slot).statusCode()).isEqualTo(204);
        }
    }

    private static WebClient signedIn(TestServer server, AccountRole role, String email) {
        server.site().accounts.addUser(email, email.substring(0, email.indexOf('@')), role, PASSWORD);
        return new WebClient(server).signIn(email, PASSWORD);
    }

    private static long publish(WebClient client) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", client.csrfToken("/admin/articles/new/"), "kind", "post",
                "title", "Knee pain", "slug", "", "markdown", "Rest the knee.", "zone", "UTC", "intent", "publish"));
        HttpResponse<String> response = client.post("/admin/articles/", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }
}
