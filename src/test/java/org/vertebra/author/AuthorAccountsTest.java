package org.vertebra.author;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Adding author profiles, and linking an account to the profile it writes under. */
class AuthorAccountsTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private TestServer server;
    private WebClient admin;
    private WebClient editor;
    private WebClient author;
    private User authorUser;

    @BeforeEach
    void start() {
        server = TestServer.empty(TestDatabase.SQLITE, temp, TestClock.at("2026-03-02T09:00:00Z"));
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        server.site().accounts.addUser("editor@example.org", "Eve Editor", AccountRole.EDITOR, PASSWORD);
        authorUser = server.site().accounts.addUser("author@example.org", "Ann Author", AccountRole.AUTHOR, PASSWORD);
        admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
        editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
        author = new WebClient(server).signIn("author@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void editorAddsAnAuthorAndLandsOnItsProfile() {
        HttpResponse<String> response = editor.post("/admin/authors/",
                Map.of("_csrf", editor.csrfToken("/admin/authors/"), "name", "Dr Lena Park"));

        assertThat(response.statusCode()).isEqualTo(303);
        Author added = server.site().authors.all().stream().filter(a -> a.name().equals("Dr Lena Park")).findFirst().orElseThrow();
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/authors/" + added.id() + "/");
        assertThat(added.slug()).isEqualTo("dr-lena-park");
    }

    @Test
    void blankNameIsExplainedAndAddsNothing() {
        HttpResponse<String> response = editor.post("/admin/authors/", Map.of("_csrf", editor.csrfToken("/admin/authors/"), "name", " "));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(response.body()).selectFirst("#new-name-error").text()).contains("display name");
        assertThat(server.site().authors.all()).isEmpty();
    }

    @Test
    void authorsCannotAddProfiles() {
        assertThat(author.post("/admin/authors/", Map.of("_csrf", author.csrfToken("/admin/authors/"), "name", "Someone"))
                .statusCode()).isEqualTo(403);
        assertThat(server.site().authors.all()).isEmpty();
    }

    @Test
    void adminLinksAnAccountWhoseNewArticlesThenCarryTheByline() {
        Author profile = server.site().authors.ensure("Ann Author, MD");
        String page = "/admin/authors/" + profile.id() + "/";

        assertThat(editor.post(page + "account/", Map.of("_csrf", editor.csrfToken(page), "userId", String.valueOf(authorUser.id())))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> linked = admin.post(page + "account/",
                Map.of("_csrf", admin.csrfToken(page), "userId", String.valueOf(authorUser.id())));

        assertThat(linked.statusCode()).isEqualTo(303);
        assertThat(server.site().accounts.linkedAuthorId(authorUser.id())).contains(profile.id());
        assertThat(author.page("/admin/articles/new/").selectFirst("#authorId option[selected]").val())
                .isEqualTo(String.valueOf(profile.id()));
        assertThat(author.page("/admin/authors/").select("table a").eachText()).anySatisfy(t -> assertThat(t).contains("Ann Author, MD"));

        admin.post(page + "account/", Map.of("_csrf", admin.csrfToken(page), "userId", ""));
        assertThat(server.site().accounts.linkedAuthorId(authorUser.id())).isEmpty();
    }
}
