package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.article.Article;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaUpload;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The editorial desk over real HTTP: writing, publishing, scheduling, trash, revisions and review, role by role. */
class ArticleDeskTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private TestClock clock;
    private TestServer server;
    private WebClient author;
    private WebClient otherAuthor;
    private WebClient editor;
    private WebClient reviewer;
    private User reviewerUser;

    @BeforeEach
    void start() {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        server = TestServer.empty(TestDatabase.SQLITE, temp, clock);
        author = signedIn(AccountRole.AUTHOR, "author@example.org", "Ann Author");
        otherAuthor = signedIn(AccountRole.AUTHOR, "other@example.org", "Otto Other");
        editor = signedIn(AccountRole.EDITOR, "editor@example.org", "Eve Editor");
        reviewer = signedIn(AccountRole.REVIEWER, "reviewer@example.org", "Dr Rita Reviewer");
        reviewerUser = server.site().accounts.users().stream().filter(u -> u.role() == AccountRole.REVIEWER).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebClient signedIn(AccountRole role, String email, String name) {
        server.site().accounts.addUser(email, name, role, PASSWORD);
        return new WebClient(server).signIn(email, PASSWORD);
    }

    private static Map<String, String> article(WebClient client, String path, String title, String slug, String markdown,
                                               String intent) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken(path));
        form.put("kind", "post");
        form.put("title", title);
        form.put("slug", slug);
        form.put("summary", "A short summary.");
        form.put("markdown", markdown);
        form.put("categories", "Spine, Pain");
        form.put("tags", "back pain");
        form.put("zone", "UTC");
        form.put("intent", intent);
        return form;
    }

    /** Creates an article through the form and returns its id. */
    private long create(WebClient client, String title, String slug, String intent) {
        HttpResponse<String> response = client.post("/admin/articles/",
                article(client, "/admin/articles/new/", title, slug, "Rest helps most back pain.\n\n## Moving\n\nKeep walking.", intent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    /** Saves the edit form of an article as it stands, with these fields changed. */
    private HttpResponse<String> save(WebClient client, long id, Map<String, String> changes) {
        Document page = client.page("/admin/articles/" + id + "/edit/");
        Map<String, String> form = formValues(page);
        form.putAll(changes);
        return client.post("/admin/articles/" + id + "/", form);
    }

    private static Map<String, String> formValues(Document page) {
        Map<String, String> form = new HashMap<>();
        var editorForm = page.selectFirst("form.editor-form");
        editorForm.select("input[name]:not([type=checkbox]), input[type=checkbox][checked], select[name], textarea[name]").forEach(field -> {
            String value = field.tagName().equals("textarea") ? field.wholeText()
                    : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val();
            form.put(field.attr("name"), value);
        });
        form.put("intent", "save");
        return form;
    }

    private Article stored(long id) {
        return server.site().articles.byId(id).orElseThrow();
    }

    private int publicStatus(String slug) {
        server.server().refreshCache();
        return server.get("/" + slug + "/").statusCode();
    }

    @Test
    void authorsDraftIsOnTheDeskButNotOnTheSite() {
        long id = create(author, "Sciatica basics", "sciatica-basics", "save");

        assertThat(stored(id).status()).isEqualTo(Article.DRAFT);
        assertThat(stored(id).ownerUserId()).isNotNull();
        assertThat(publicStatus("sciatica-basics")).isEqualTo(404);
        Document drafts = author.page("/admin/articles/?shelf=drafts");
        assertThat(drafts.select("table.desk a.desk-title").eachText()).containsExactly("Sciatica basics");
        assertThat(author.page("/admin/articles/" + id + "/edit/?done=created").selectFirst(".notice").text()).contains("created");
    }

    @Test
    void authorCannotPublishNotEvenWithADirectPost() {
        HttpResponse<String> response = author.post("/admin/articles/",
                article(author, "/admin/articles/new/", "Not allowed", "not-allowed", "Text.", "publish"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.site().articleWriter.bySlug("not-allowed")).isEmpty();
    }

    @Test
    void editorSticksAnArticleToTheTopOfTheHomePageAndClearsIt() {
        long older = create(editor, "Older sticky candidate", "older-sticky-candidate", "publish");
        clock.advance(java.time.Duration.ofHours(1));
        create(editor, "Newer article", "newer-article", "publish");
        assertThat(homeTitles()).containsExactly("Newer article", "Older sticky candidate");

        Document form = editor.page("/admin/articles/" + older + "/edit/");
        org.jsoup.nodes.Element box = form.selectFirst("input[type=checkbox][name=sticky]");
        assertThat(box).isNotNull();
        assertThat(box.hasAttr("checked")).isFalse();
        assertThat(save(editor, older, Map.of("sticky", "on")).statusCode()).isEqualTo(303);
        assertThat(homeTitles()).containsExactly("Older sticky candidate", "Newer article");
        assertThat(editor.page("/admin/articles/" + older + "/edit/").selectFirst("input[name=sticky]").hasAttr("checked")).isTrue();

        Map<String, String> cleared = formValues(editor.page("/admin/articles/" + older + "/edit/"));
        cleared.remove("sticky"); // an unticked checkbox sends nothing
        assertThat(editor.post("/admin/articles/" + older + "/", cleared).statusCode()).isEqualTo(303);
        assertThat(homeTitles()).containsExactly("Newer article", "Older sticky candidate");
    }

    private java.util.List<String> homeTitles() {
        server.server().refreshCache();
        return server.page("/").select(".card-title a").eachText();
    }

    @Test
    void editorPublishesAndTheArticleIsOnTheSiteAndInSearch() {
        long id = create(author, "Disc herniation explained", "disc-herniation-explained", "review");
        assertThat(editor.page("/admin/articles/?shelf=in-review").select("table.desk a.desk-title").eachText())
                .contains("Disc herniation explained");

        HttpResponse<String> published = save(editor, id, Map.of("intent", "publish"));

        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/admin/articles/" + id + "/edit/?done=published");
        assertThat(publicStatus("disc-herniation-explained")).isEqualTo(200);
        assertThat(server.page("/search/?q=herniation").select(".search-result h2 a").eachAttr("href"))
                .contains("/disc-herniation-explained/");
        assertThat(stored(id).reviewRequestedAt()).isNull();
    }

    @Test
    void scheduledArticleAppearsWhenItsTimeComesWithoutARestart() throws InterruptedException {
        long id = create(editor, "Winter walking", "winter-walking", "save");
        save(editor, id, Map.of("intent", "publish", "publishAt", "2026-03-02T11:00"));
        assertThat(editor.page("/admin/articles/" + id + "/edit/").selectFirst(".status-line .badge").text()).isEqualTo("Scheduled");
        assertThat(server.get("/winter-walking/").statusCode()).isEqualTo(404);

        clock.advance(Duration.ofHours(3));

        // No refresh from the test: the server's own watcher notices the time has come.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.get("/winter-walking/").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.get("/winter-walking/").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(server.get("/").body()).select("main .card-title a").eachAttr("href")).contains("/winter-walking/");
    }

    @Test
    void authorsChangeOnlyTheirOwnArticles() {
        long id = create(author, "Mine", "mine", "save");

        assertThat(otherAuthor.get("/admin/articles/" + id + "/edit/").statusCode()).isEqualTo(403);
        HttpResponse<String> direct = otherAuthor.post("/admin/articles/" + id + "/",
                article(otherAuthor, "/admin/articles/new/", "Taken over", "mine", "Other text.", "save"));
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(otherAuthor.post("/admin/articles/" + id + "/trash/",
                Map.of("_csrf", otherAuthor.csrfToken("/admin/articles/new/"))).statusCode()).isEqualTo(403);
        assertThat(stored(id).title()).isEqualTo("Mine");
        assertThat(stored(id).isInTrash()).isFalse();
        assertThat(otherAuthor.page("/admin/articles/").select("table.desk a.desk-title").eachText()).doesNotContain("Mine");
        assertThat(save(editor, id, Map.of("title", "Mine, edited by the editor")).statusCode()).isEqualTo(303);
    }

    @Test
    void authorCannotChangeAPublishedArticle() {
        long id = create(author, "Published by an editor", "published-by-editor", "save");
        save(editor, id, Map.of("intent", "publish"));

        HttpResponse<String> response = save(author, id, Map.of("title", "Changed live by the author"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(stored(id).title()).isEqualTo("Published by an editor");
    }

    @Test
    void changedSlugLeavesTheOldAddressRedirecting() {
        long id = create(editor, "Frozen shoulder", "frozen-shoulder", "publish");

        save(editor, id, Map.of("slug", "frozen-shoulder-stages"));

        server.server().refreshCache();
        HttpResponse<String> old = server.get("/frozen-shoulder/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/frozen-shoulder-stages/");
    }

    @Test
    void slugOfAnotherArticleIsRefusedAndTheFormKeepsWhatWasTyped() {
        create(editor, "First", "first", "save");
        long second = create(editor, "Second", "second", "save");

        HttpResponse<String> response = save(editor, second, Map.of("slug", "first", "markdown", "My unsaved words."));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#slug-error").text()).contains("/first/ belongs to another article");
        assertThat(page.selectFirst("#slug").attr("aria-describedby")).contains("slug-error");
        assertThat(page.selectFirst("#markdown").wholeText()).isEqualTo("My unsaved words.");
        assertThat(stored(second).slug()).isEqualTo("second");
    }

    @Test
    void missingTitleIsExplainedAndNothingIsCreated() {
        HttpResponse<String> response = author.post("/admin/articles/",
                article(author, "/admin/articles/new/", "  ", "", "Words I typed.", "save"));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#title-error").text()).isEqualTo("Give the article a title.");
        assertThat(page.selectFirst("#markdown").wholeText()).isEqualTo("Words I typed.");
        assertThat(server.site().articleWriter.desk(org.vertebra.article.Shelf.ALL, null, 1, 10).totalItems()).isZero();
    }

    @Test
    void secondSaveOfAStaleFormIsRefusedWithTheWritersTextKept() {
        long id = create(editor, "Shared article", "shared-article", "save");
        Map<String, String> first = formValues(editor.page("/admin/articles/" + id + "/edit/"));
        Map<String, String> second = new HashMap<>(first);
        first.put("markdown", "The first person's text.");
        second.put("markdown", "The second person's text.");
        clock.advance(Duration.ofMinutes(1));

        assertThat(editor.post("/admin/articles/" + id + "/", first).statusCode()).isEqualTo(303);
        HttpResponse<String> late = editor.post("/admin/articles/" + id + "/", second);

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(late.body()).selectFirst("#markdown").wholeText()).isEqualTo("The second person's text.");
        assertThat(stored(id).bodyMarkdown()).isEqualTo("The first person's text.");
    }

    @Test
    void trashTakesTheArticleOffTheSiteUntilRestoredAndIsEmptiedAfterThirtyDays() {
        long id = create(editor, "Ankle sprains", "ankle-sprains", "publish");
        String token = editor.csrfToken("/admin/articles/" + id + "/edit/");

        assertThat(editor.post("/admin/articles/" + id + "/trash/", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(publicStatus("ankle-sprains")).isEqualTo(404);
        assertThat(server.page("/search/?q=ankle").select(".search-result h2 a").eachAttr("href")).doesNotContain("/ankle-sprains/");
        assertThat(editor.page("/admin/articles/?shelf=trash").select("table.desk a.desk-title").eachText()).containsExactly("Ankle sprains");

        assertThat(editor.post("/admin/articles/" + id + "/restore/", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(publicStatus("ankle-sprains")).isEqualTo(200);

        editor.post("/admin/articles/" + id + "/trash/", Map.of("_csrf", token));
        clock.advance(Duration.ofDays(29));
        assertThat(server.site().articleWriter.purgeTrash()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(server.site().articleWriter.purgeTrash()).isEqualTo(1);
        assertThat(server.site().articles.byId(id)).isEmpty();
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() {
        long id = create(editor, "Knee pain", "knee-pain", "save");
        clock.advance(Duration.ofMinutes(5));
        save(editor, id, Map.of("markdown", "Rest helps most back pain.\n\n## Moving\n\nKeep walking every day."));
        clock.advance(Duration.ofMinutes(5));
        save(editor, id, Map.of("markdown", "Completely new text."));

        Document history = editor.page("/admin/articles/" + id + "/revisions/");
        assertThat(history.select("table.desk tbody tr")).hasSize(3);
        String newest = history.select("input[name=from]").get(1).val();
        String oldest = history.select("input[name=from]").get(2).val();
        assertThat(history.select("tbody tr").get(1).text()).contains("Eve Editor");

        Document diff = editor.page("/admin/articles/" + id + "/compare/?from=" + oldest + "&to=" + newest);
        assertThat(diff.select("tr.diff-changed ins").eachText()).containsExactly("Keep walking every day.");
        assertThat(diff.select("tr.diff-changed del").eachText()).containsExactly("Keep walking.");

        HttpResponse<String> restored = editor.post("/admin/articles/" + id + "/revisions/" + oldest + "/restore/",
                Map.of("_csrf", editor.csrfToken("/admin/articles/" + id + "/revisions/")));
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(stored(id).bodyMarkdown()).isEqualTo("Rest helps most back pain.\n\n## Moving\n\nKeep walking.");
        assertThat(server.site().articleWriter.revisions(id)).hasSize(3);
    }

    @Test
    void imageWithoutADescriptionStopsPublishing() throws IOException {
        MediaItem image = server.site().media.upload(new MediaUpload("heel.png", png(), ""));
        long id = create(editor, "Heel pain", "heel-pain", "save");

        HttpResponse<String> response = save(editor, id, Map.of("intent", "publish",
                "markdown", "Heel pain is common.\n\n![](" + image.url() + ")"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(response.body()).selectFirst("#markdown-error").text()).contains("Describe every image");
        assertThat(stored(id).status()).isEqualTo(Article.DRAFT);

        server.site().media.describe(image.id(), "A drawing of a heel with the painful spot marked");
        assertThat(save(editor, id, Map.of("intent", "publish", "markdown", "Heel pain is common.\n\n![A heel](" + image.url() + ")"))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aNewArticlesBylineIsTheWritersOwnProfileMadeFromTheAccountWhenMissing() {
        long editorId = server.site().accounts.users().stream().filter(u -> u.name().equals("Eve Editor")).findFirst()
                .orElseThrow().id();
        assertThat(server.site().accounts.linkedAuthorId(editorId)).isEmpty();

        Document page = editor.page("/admin/articles/new/");

        assertThat(page.select("#authorId option[selected]").text()).isEqualTo("Eve Editor");
        assertThat(server.site().accounts.linkedAuthorId(editorId)).isPresent();
        // Opening it again offers the same profile, not a second one.
        assertThat(editor.page("/admin/articles/new/").select("#authorId option").eachText())
                .containsOnlyOnce("Eve Editor");
    }

    @Test
    void refusedPublishOfANewArticleKeepsTheTextAsADraftAndTheEditorGoesOnWithIt() throws IOException {
        MediaItem image = server.site().media.upload(new MediaUpload("knee.png", png(), ""));
        String markdown = "Knee pain is common.\n\n![](" + image.url() + ")";

        HttpResponse<String> refused = editor.post("/admin/articles/",
                article(editor, "/admin/articles/new/", "Knee pain", "knee-pain", markdown, "publish"));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#markdown-error").text()).contains("Describe every image");
        assertThat(page.selectFirst(".notice").text()).contains("saved as a draft");
        Article kept = server.site().articleWriter.bySlug("knee-pain").orElseThrow();
        assertThat(kept.status()).isEqualTo(Article.DRAFT);
        assertThat(kept.bodyMarkdown()).isEqualTo(markdown);
        assertThat(publicStatus("knee-pain")).isEqualTo(404);
        // The form now edits the kept draft, so the next press saves it rather than making another.
        assertThat(page.selectFirst("form.editor-form").attr("action")).isEqualTo("/admin/articles/" + kept.id() + "/");
        Map<String, String> again = formValues(page);
        again.put("title", "Knee pain, again");
        assertThat(editor.post("/admin/articles/" + kept.id() + "/", again).statusCode()).isEqualTo(303);
        assertThat(stored(kept.id()).title()).isEqualTo("Knee pain, again");
    }

    @Test
    void refusedPublishOfAPublishedArticleLeavesItsPublicTextAlone() throws IOException {
        long id = create(editor, "Hip pain", "hip-pain", "publish");
        String before = stored(id).bodyMarkdown();
        MediaItem image = server.site().media.upload(new MediaUpload("hip.png", png(), ""));

        HttpResponse<String> refused = save(editor, id, Map.of("intent", "publish",
                "markdown", "Hip pain is common.\n\n![](" + image.url() + ")"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("textarea#markdown").text()).contains("Hip pain is common");
        assertThat(stored(id).bodyMarkdown()).isEqualTo(before);
    }

    @Test
    void previewRendersSanitizedHtmlAndTheChecks() throws IOException {
        String token = author.csrfToken("/admin/articles/new/");
        HttpResponse<String> response = author.post("/admin/articles/preview/",
                Map.of("markdown", "## Hi\n\nSmith et al. found it helps.<script>alert(1)</script>"), Map.of("X-CSRF-Token", token));

        assertThat(response.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(json.get("html").asText()).contains("<h2").doesNotContain("<script");
        assertThat(json.get("evidence").get("unmatchedMentions").get(0).get("text").asText()).contains("Smith et al.");
        assertThat(author.post("/admin/articles/preview/", Map.of("markdown", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void editorShowsTheEvidenceAndReadabilityOfTheText() {
        long id = create(author, "Cited", "cited", "save");
        save(author, id, Map.of("markdown", "Jones et al. showed that walking helps.\n\n## References\n- Smith A. A trial. J Bones. 2011;1:1-2."));

        Document page = author.page("/admin/articles/" + id + "/edit/");

        assertThat(page.select("[data-check=evidence] li").eachText())
                .anySatisfy(t -> assertThat(t).contains("Jones et al.").contains("matches no reference"))
                .anySatisfy(t -> assertThat(t).contains("Reference 1 is never cited"));
        assertThat(page.selectFirst("[data-check=grade]").text()).contains("target: 8 or lower");
    }

    @Test
    void reviewerSignsOffAndTheArticleShowsTheReview() {
        long id = create(author, "Hip replacement", "hip-replacement", "review");
        assertThat(reviewer.page("/admin/articles/?shelf=in-review").select("table.desk a.desk-title").eachText()).contains("Hip replacement");
        assertThat(editor.post("/admin/articles/" + id + "/reviewer/", Map.of("_csrf", editor.csrfToken("/admin/articles/"),
                "reviewer", String.valueOf(reviewerUser.id()))).statusCode()).isEqualTo(303);
        assertThat(author.post("/admin/articles/" + id + "/sign-off/", Map.of("_csrf", author.csrfToken("/admin/articles/")))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> signed = reviewer.post("/admin/articles/" + id + "/sign-off/",
                Map.of("_csrf", reviewer.csrfToken("/admin/articles/" + id + "/edit/"), "note", "Accurate and clear."));
        assertThat(signed.statusCode()).isEqualTo(303);
        save(editor, id, Map.of("intent", "publish"));

        Document page = server.page("/hip-replacement/");
        assertThat(page.text()).contains("Medically reviewed by Dr Rita Reviewer on 2 March 2026");
        assertThat(editor.page("/admin/articles/" + id + "/edit/").select(".notes li.sign-off").text()).contains("Accurate and clear.");
    }

    @Test
    void articlesWhoseReviewIsOverAYearOldAreDue() {
        long id = create(editor, "Old review", "old-review", "save");
        reviewer.post("/admin/articles/" + id + "/sign-off/", Map.of("_csrf", reviewer.csrfToken("/admin/articles/" + id + "/edit/")));
        save(editor, id, Map.of("intent", "publish"));
        assertThat(editor.page("/admin/articles/?shelf=review-due").select("table.desk a.desk-title").eachText()).isEmpty();

        clock.advance(Duration.ofDays(370));

        editor = new WebClient(server).signIn("editor@example.org", PASSWORD); // the old session has expired
        assertThat(editor.page("/admin/articles/?shelf=review-due").select("table.desk a.desk-title").eachText()).containsExactly("Old review");
        assertThat(editor.page("/admin/").select(".attention a").eachText())
                .contains("1 due for medical review (reviewed over 12 months ago, or never)");
    }

    @Test
    void postsWithoutTheFormTokenChangeNothing() {
        Map<String, String> form = article(author, "/admin/articles/new/", "No token", "no-token", "Text.", "save");
        form.remove("_csrf");

        assertThat(author.post("/admin/articles/", form).statusCode()).isEqualTo(403);
        assertThat(server.site().articleWriter.bySlug("no-token")).isEmpty();
    }

    @Test
    void visitorsAndDoctorsCannotReachTheDesk() {
        assertThat(new WebClient(server).get("/admin/articles/").statusCode()).isEqualTo(302);
        WebClient doctor = signedIn(AccountRole.DOCTOR, "doctor@example.org", "Dr Who");
        assertThat(doctor.get("/admin/articles/").statusCode()).isEqualTo(403);
        assertThat(doctor.post("/admin/articles/", article(doctor, "/admin/", "Doctor's", "doctors", "Text.", "save")).statusCode())
                .isEqualTo(403);
        assertThat(server.site().articleWriter.bySlug("doctors")).isEmpty();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
