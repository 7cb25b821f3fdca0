package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Every desk route by every role, as direct requests that skip the forms: who gets through, and
 * that a refused request changes nothing. The articles belong to the editor, so an author is
 * refused on them even where the route lets authors in (an author edits only their own).
 */
class DeskPermissionsTest {

    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static final Map<AccountRole, WebClient> CLIENTS = new EnumMap<>(AccountRole.class);
    private static long draft;
    private static long published;

    record Probe(String method, String path, Map<String, String> form, Set<AccountRole> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-desk-permissions"),
                TestClock.at("2026-03-02T09:00:00Z"));
        for (AccountRole role : AccountRole.values()) {
            server.site().accounts.addUser(role.key() + "@example.org", "The " + role.label(), role, PASSWORD);
            CLIENTS.put(role, new WebClient(server).signIn(role.key() + "@example.org", PASSWORD));
        }
        User editor = server.site().accounts.users().stream().filter(u -> u.role() == AccountRole.EDITOR).findFirst().orElseThrow();
        draft = server.site().desk.create(editor, edit("The editor's draft", "editors-draft", ArticleEdit.Intent.SAVE)).id();
        published = server.site().desk.create(editor, edit("The editor's article", "editors-article", ArticleEdit.Intent.PUBLISH)).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArticleEdit edit(String title, String slug, ArticleEdit.Intent intent) {
        return new ArticleEdit("post", title, slug, null, "Some text.", List.of(), List.of(), null, null, intent, null, null, null);
    }

    static List<Probe> probes() {
        Set<AccountRole> writers = EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR, AccountRole.AUTHOR);
        Set<AccountRole> editors = EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR);
        Set<AccountRole> readers = EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR, AccountRole.REVIEWER);
        Set<AccountRole> reviewers = EnumSet.of(AccountRole.REVIEWER);
        String d = "/admin/articles/" + draft;
        String p = "/admin/articles/" + published;
        Map<String, String> changed = Map.of("title", "Changed", "slug", "changed", "markdown", "Changed.", "intent", "save");
        return List.of(
                new Probe("GET", "/admin/articles/", Map.of(), EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR,
                        AccountRole.AUTHOR, AccountRole.REVIEWER)),
                new Probe("GET", "/admin/articles/new/", Map.of(), writers),
                new Probe("POST", "/admin/articles/", Map.of("title", "New one " + System.nanoTime(), "markdown", "x",
                        "intent", "save"), writers),
                new Probe("POST", "/admin/articles/", Map.of("title", "Published one " + System.nanoTime(), "markdown", "x",
                        "intent", "publish"), editors),
                new Probe("GET", d + "/edit/", Map.of(), readers),
                new Probe("POST", d + "/", changed, editors),
                new Probe("POST", p + "/", Map.of("title", "Changed", "markdown", "x", "intent", "unpublish"), editors),
                new Probe("POST", d + "/trash/", Map.of(), editors),
                new Probe("GET", d + "/revisions/", Map.of(), readers),
                new Probe("GET", d + "/compare/", Map.of(), readers),
                new Probe("POST", d + "/notes/", Map.of("note", "A note."), readers),
                new Probe("POST", d + "/reviewer/", Map.of("reviewer", ""), editors),
                new Probe("POST", d + "/sign-off/", Map.of(), reviewers));
    }

    @Test
    void everyRoleGetsExactlyTheDeskActionsItMayDo() {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (AccountRole role : AccountRole.values()) {
            for (Probe probe : probes()) {
                Article draftBefore = server.site().articles.byId(draft).orElseThrow();
                Article publishedBefore = server.site().articles.byId(published).orElseThrow();
                int articlesBefore = count();
                HttpResponse<String> response = send(CLIENTS.get(role), probe);
                boolean allowed = probe.allowed().contains(role);
                int status = response.statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.put(role + " " + probe, status);
                }
                if (!allowed) {
                    assertThat(server.site().articles.byId(draft)).as("%s %s", role, probe).contains(draftBefore);
                    assertThat(server.site().articles.byId(published)).as("%s %s", role, probe).contains(publishedBefore);
                    assertThat(count()).as("%s %s", role, probe).isEqualTo(articlesBefore);
                }
                restore();
            }
        }
        assertThat(wrong).as("role and request that answered the wrong status").isEmpty();
    }

    @Test
    void visitorsAreSentToSignInOrRefused() {
        WebClient visitor = new WebClient(server);
        int before = count();
        String token = visitor.csrfToken("/admin/sign-in/");
        for (Probe probe : probes()) {
            Map<String, String> form = new LinkedHashMap<>(probe.form());
            form.put("_csrf", token);
            int status = (probe.method().equals("GET") ? visitor.get(probe.path()) : visitor.post(probe.path(), form)).statusCode();
            assertThat(status).as(probe.toString()).isEqualTo(probe.method().equals("GET") ? 302 : 401);
        }
        assertThat(count()).isEqualTo(before);
    }

    private static HttpResponse<String> send(WebClient client, Probe probe) {
        if (probe.method().equals("GET")) {
            return client.get(probe.path());
        }
        Map<String, String> form = new LinkedHashMap<>(probe.form());
        form.put("_csrf", client.csrfToken("/admin/account/"));
        return client.post(probe.path(), form);
    }

    private static int count() {
        return server.site().articleWriter.desk(org.vertebra.article.Shelf.ALL, null, 1, 1).totalItems()
                + server.site().articleWriter.desk(org.vertebra.article.Shelf.TRASH, null, 1, 1).totalItems();
    }

    /** Puts the two articles back as they were after an allowed change, so the next probe meets the same state. */
    private static void restore() {
        User admin = server.site().accounts.users().stream().filter(u -> u.role() == AccountRole.ADMIN).findFirst().orElseThrow();
        Article d = server.site().articles.byId(draft).orElseThrow();
        if (d.isInTrash()) {
            server.site().articleWriter.restore(draft);
        }
        Article p = server.site().articles.byId(published).orElseThrow();
        if (!p.isPublished() || !p.slug().equals("editors-article")) {
            server.site().desk.update(admin, published, new ArticleEdit("post", "The editor's article", "editors-article", null,
                    "Some text.", List.of(), List.of(), null, null, ArticleEdit.Intent.PUBLISH, null, null, null));
        }
        if (!server.site().articles.byId(draft).orElseThrow().slug().equals("editors-draft")) {
            server.site().desk.update(admin, draft, edit("The editor's draft", "editors-draft", ArticleEdit.Intent.SAVE));
        }
        server.site().articleWriter.desk(org.vertebra.article.Shelf.ALL, null, 1, 100).items().stream()
                .filter(r -> r.id() != draft && r.id() != published)
                .forEach(r -> server.site().articleWriter.trash(r.id()));
    }
}
