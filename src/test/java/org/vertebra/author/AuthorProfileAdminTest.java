package org.vertebra.author;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaUpload;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Author profiles over HTTP: what the author box and page show after a save, what is refused, and who may edit which. */
class AuthorProfileAdminTest {

    static final String ARTICLE = "/low-back-pain-when-to-worry/";

    private static TestServer server;
    private static Desk desk;
    private static Author asha;
    private static Author daniel;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-authors"));
        desk = new Desk(server, "authors");
        asha = server.site().authors.bySlug("asha-raman").orElseThrow();
        daniel = server.site().authors.bySlug("daniel-okafor").orElseThrow();
        // The author account writes as Asha; the reviewer has a byline profile of their own.
        server.site().accounts.linkAuthor(desk.user(AccountRole.AUTHOR).id(), asha.id());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSavedProfileShowsInTheAuthorBoxAndOnTheAuthorsPageRightAfter() {
        server.page(ARTICLE);
        MediaItem photo = server.site().media.upload(new MediaUpload("portrait.png", demoImage(), "A portrait"));
        WebClient admin = desk.client(AccountRole.ADMIN);

        HttpResponse<String> saved = admin.post("/admin/authors/" + asha.id() + "/", form(admin, asha, Map.of(
                "credentials", "MS (Orth), FRCS, PhD",
                "bio", "Asha treats **knees** and *feet*.\n\nSee [her clinic](https://clinic.example.org/) <script>alert(1)</script>",
                "photo", photo.url(),
                "website", "https://asha.example.org/",
                "links", "https://orcid.org/0000-0002-1825-0097\nhttps://pubmed.ncbi.nlm.nih.gov/?term=Raman+A")));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/admin/authors/?done=saved");
        server.server().refreshCache();
        for (Element profile : List.of(server.page(ARTICLE).selectFirst(".author-box"),
                server.page("/author/asha-raman/").selectFirst(".archive-header"))) {
            assertThat(profile.select(".credentials").text()).contains("MS (Orth), FRCS, PhD");
            assertThat(profile.select("strong").text()).isEqualTo("knees");
            assertThat(profile.select("em").text()).isEqualTo("feet");
            assertThat(profile.select("a[href=https://clinic.example.org/]").attr("rel")).contains("nofollow");
            assertThat(profile.select("script")).isEmpty();
            assertThat(profile.text()).contains("<script>alert(1)</script>"); // shown as text, never run
            assertThat(profile.select("img.author-photo").attr("src")).isEqualTo(photo.url());
            assertThat(profile.select(".author-links a").eachText())
                    .containsExactly("Website of Dr Asha Raman", "ORCID of Dr Asha Raman", "PubMed of Dr Asha Raman");
        }
    }

    @Test
    void aNewAddressAndNameShowWhereverTheAuthorIsNamed() {
        WebClient editor = desk.client(AccountRole.EDITOR);
        HttpResponse<String> saved = editor.post("/admin/authors/" + daniel.id() + "/", form(editor, daniel, Map.of(
                "name", "Dr Dan Okafor", "slug", "dan-okafor")));

        assertThat(saved.statusCode()).isEqualTo(303);
        server.server().refreshCache();
        assertThat(server.page("/author/dan-okafor/").select("h1").text()).isEqualTo("Dr Dan Okafor");
        assertThat(server.get("/author/daniel-okafor/").statusCode()).isEqualTo(404);
        assertThat(server.page("/wrist-fracture-care/").select(".author-box h2 a").text()).isEqualTo("Dr Dan Okafor");
        server.site().authors.update(daniel.id(), AuthorProfileChange.parse(new AuthorProfileChange.Form(daniel.name(),
                daniel.slug(), daniel.credentials(), daniel.bio(), String.valueOf(daniel.photoId()), daniel.website(), ""),
                v -> java.util.Optional.of(Long.parseLong(v))));
    }

    @Test
    void refusedProfilesSayWhyBesideEachFieldKeepWhatWasTypedAndChangeNothing() {
        Author before = server.site().authors.byId(daniel.id()).orElseThrow();
        WebClient admin = desk.client(AccountRole.ADMIN);
        HttpResponse<String> refused = admin.post("/admin/authors/" + daniel.id() + "/", form(admin, daniel, Map.of(
                "name", "", "slug", "asha-raman", "website", "http://plain.example.org/",
                "links", "https://orcid.org/1\njavascript:alert(1)", "photo", "999999", "credentials", "Kept credentials")));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#name-error").text()).contains("Enter the display name");
        assertThat(page.select("#website-error").text()).contains("https://");
        assertThat(page.select("#links-error").text()).contains("javascript:alert(1)");
        assertThat(page.select("#photo-error").text()).contains("media library");
        assertThat(page.select("#website").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#credentials").val()).isEqualTo("Kept credentials");
        assertThat(page.select("#links").text()).contains("javascript:alert(1)");
        assertThat(server.site().authors.byId(daniel.id())).contains(before);

        HttpResponse<String> taken = admin.post("/admin/authors/" + daniel.id() + "/",
                form(admin, before, Map.of("slug", "asha-raman")));
        assertThat(Jsoup.parse(taken.body()).select("#slug-error").text()).contains("already has the address /author/asha-raman/");
        assertThat(server.site().authors.byId(daniel.id())).contains(before);
    }

    @Test
    void anAuthorEditsOnlyTheProfileLinkedToTheirAccount() {
        WebClient author = desk.client(AccountRole.AUTHOR);
        assertThat(author.page("/admin/authors/").select("tbody th a").eachText()).containsExactly(asha.name() + " (edit)");
        assertThat(author.get("/admin/authors/" + asha.id() + "/").statusCode()).isEqualTo(200);
        Author current = server.site().authors.byId(asha.id()).orElseThrow();
        assertThat(author.post("/admin/authors/" + asha.id() + "/", form(author, current, Map.of("credentials", "Written by herself")))
                .statusCode()).isEqualTo(303);
        assertThat(server.site().authors.byId(asha.id()).orElseThrow().credentials()).isEqualTo("Written by herself");

        Author danielBefore = server.site().authors.byId(daniel.id()).orElseThrow();
        assertThat(author.get("/admin/authors/" + daniel.id() + "/").statusCode()).isEqualTo(403);
        HttpResponse<String> other = author.post("/admin/authors/" + daniel.id() + "/", form(author, danielBefore, Map.of("credentials", "Hijacked")));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/authors/999999/").statusCode()).as("no hint whether it exists").isEqualTo(403);
        assertThat(server.site().authors.byId(daniel.id())).contains(danielBefore);
    }

    @Test
    void withoutALinkedProfileReviewersAndDoctorsEditNoneAndEditorsAndAdminsEditAll() {
        Author before = server.site().authors.byId(daniel.id()).orElseThrow();
        for (AccountRole role : List.of(AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = desk.client(role);
            assertThat(client.page("/admin/authors/").text()).as(role.name()).contains("No author profile is linked");
            assertThat(client.post("/admin/authors/" + daniel.id() + "/", form(client, before, Map.of("credentials", "By " + role)))
                    .statusCode()).as(role.name()).isEqualTo(403);
        }
        for (AccountRole role : List.of(AccountRole.ADMIN, AccountRole.EDITOR)) {
            assertThat(desk.client(role).page("/admin/authors/").select("tbody th a")).as(role.name()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(desk.client(role).get("/admin/authors/" + daniel.id() + "/").statusCode()).as(role.name()).isEqualTo(200);
        }
        assertThat(server.site().authors.byId(daniel.id())).contains(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Author before = server.site().authors.byId(daniel.id()).orElseThrow();
        WebClient admin = desk.client(AccountRole.ADMIN);
        Map<String, String> form = form(admin, before, Map.of("credentials", "Forged"));
        form.remove("_csrf");

        assertThat(admin.post("/admin/authors/" + daniel.id() + "/", form).statusCode()).isEqualTo(403);
        assertThat(server.site().authors.byId(daniel.id())).contains(before);
    }

    private static byte[] demoImage() {
        try (var in = AuthorProfileAdminTest.class.getResourceAsStream("/demo/images/wrist-fracture-care.png")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The edit form as it stands for this author, with some fields changed, carrying this client's token. */
    private static Map<String, String> form(WebClient client, Author author, Map<String, String> changes) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Desk.token(client));
        form.put("name", author.name());
        form.put("slug", author.slug());
        form.put("credentials", author.credentials() == null ? "" : author.credentials());
        form.put("bio", author.bio() == null ? "" : author.bio());
        form.put("photo", author.photoId() == null ? "" : author.photoId().toString());
        form.put("website", author.website() == null ? "" : author.website());
        form.put("links", String.join("\n", author.links()));
        form.putAll(changes);
        return form;
    }
}
