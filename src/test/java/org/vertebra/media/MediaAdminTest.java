package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
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
import org.vertebra.support.Multipart;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The media library's admin pages over real HTTP on SQLite: uploads as a browser sends them, refusals, roles, CSRF, alt text. */
class MediaAdminTest {

    static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static MediaLibrary media;
    private static final Map<AccountRole, WebClient> CLIENTS = new EnumMap<>(AccountRole.class);

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-media-admin"),
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
    void anAuthorUploadsAnImageAndIsTakenToItsPage() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        HttpResponse<String> response = author.post("/admin/media/", upload(author, "Knee X-Ray.png",
                TestImages.png(1600, 1000), "  X-ray of a knee, front view, with the joint space narrowed  "));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/media/\\d+/\\?done=uploaded");
        long id = Long.parseLong(location.replaceAll("\\D+", " ").strip().split(" ")[0]);
        MediaItem item = media.byId(id).orElseThrow();
        assertThat(item.alt()).isEqualTo("X-ray of a knee, front view, with the joint space narrowed");
        assertThat(item.path()).endsWith("/knee-x-ray.png");

        Document page = author.page(location);
        assertThat(page.select("h1").eachText()).containsExactly("knee-x-ray.png");
        assertThat(page.select(".notice[role=status]").text()).contains("The image is uploaded");
        assertThat(page.select("#markdown").val())
                .isEqualTo("![X-ray of a knee, front view, with the joint space narrowed](" + item.url() + ")");
        assertThat(page.select("img.media-preview").attr("alt")).isEqualTo(item.alt());
        assertThat(page.select("img.media-preview").attr("srcset")).contains("-150w.png 150w").contains("-640w.png 640w");
        assertThat(page.select(".media-sizes tbody tr").eachText()).containsExactly(
                "Original 1600 × 1000 " + MediaView.bytes(item.byteSize()),
                "Thumbnail 150 × 94 " + MediaView.bytes(item.variants().get(0).byteSize()),
                "Medium 640 × 400 " + MediaView.bytes(item.variants().get(1).byteSize()),
                "Large 1280 × 800 " + MediaView.bytes(item.variants().get(2).byteSize()));
        assertThat(page.select("textarea#alt").text()).isEqualTo(item.alt());
        assertThat(page.select(".badge")).isEmpty();
        assertThat(page.select("img[src^=http], link[href^=http], script[src^=http], script[src^=//]")).as("nothing from another host").isEmpty();

        Element card = author.page("/admin/media/").selectFirst(".media-card:has(a[href=/admin/media/" + id + "/])");
        assertThat(card).isNotNull();
        assertThat(card.select("img").attr("src")).isEqualTo(item.variants().get(0).url()).endsWith("-150w.png");
        assertThat(card.select(".media-facts").text()).contains("PNG", "1600 × 1000", MediaView.bytes(item.byteSize()),
                "1 Mar 2025");
    }

    @Test
    void severalFilesSentAtOnceAreAllStoredAndTheLibrarySaysSo() {
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        long before = media.count(false);
        Multipart two = upload(editor, "first-of-two.png", TestImages.png(310, 200), "Two knees")
                .file("file", "second-of-two.png", "image/png", TestImages.png(320, 200));

        HttpResponse<String> response = editor.post("/admin/media/", two);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/admin/media/?done=several");
        assertThat(media.count(false)).isEqualTo(before + 2);
        assertThat(editor.page("/admin/media/?done=several").select(".notice").text()).startsWith("The files are uploaded.");
    }

    @Test
    void aSecondUploadOfTheSameImageSaysItWasAlreadyThere() {
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        byte[] png = TestImages.png(300, 200);
        String first = editor.post("/admin/media/", upload(editor, "a.png", png, "")).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> again = editor.post("/admin/media/", upload(editor, "b.png", png, ""));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(first.replace("uploaded", "exists"));
        assertThat(editor.page(first).select(".badge").text()).isEqualTo("No description");
    }

    @Test
    void aDisguisedFileIsRefusedWith422ItsReasonAndTheAltTextKeptAndNothingStored() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        HttpResponse<String> response = storingNothing(() -> author.post("/admin/media/", upload(author, "photo.jpg",
                "#!/bin/sh\nrm -rf ~\n".getBytes(), "Bruised ankle, side view")));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#file-error").text())
                .isEqualTo(ImageIntakeTest.NOT_TAKEN);
        assertThat(page.select("input#file").attr("aria-describedby")).contains("file-error");
        assertThat(page.select("input#file").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".form-error a[href=#file]")).hasSize(1);
        assertThat(page.select("textarea#alt").text()).isEqualTo("Bruised ankle, side view");
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void anOversizeUploadGetsTheLibrarysMessageAndKeepsTheAltTextUpToTwiceTheLimit() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        long limit = media.limits().maxBytes();
        long before = media.count(false);
        for (long size : List.of(limit + 1, 2 * limit)) {
            HttpResponse<String> response = author.post("/admin/media/", upload(author, "huge.png", pngOf(size), "Hip, before"));

            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(422);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#file-error").text()).as("%d bytes", size)
                    .isEqualTo("huge.png is larger than 10 MB, the largest file accepted.");
            assertThat(page.select("textarea#alt").text()).as("%d bytes", size).isEqualTo("Hip, before");
        }
        assertThat(media.count(false)).isEqualTo(before);
    }

    @Test
    void anUploadTooLargeForJettyToReadGetsTheSameSentenceNotAnError() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        HttpResponse<String> response = storingNothing(() -> author.post("/admin/media/",
                upload(author, "enormous.png", pngOf(2 * media.limits().maxBytes() + 1), "Hip, after")));

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#file-error").text()).startsWith("The file is larger than 10 MB, the largest file accepted.");
        assertThat(page.select("input#file").attr("aria-describedby")).contains("file-error");
    }

    @Test
    void anUploadWithoutAFileOrWithTooLongAltTextIsRefused() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        long before = media.count(false);
        HttpResponse<String> none = author.post("/admin/media/", upload(author, "", new byte[0], "Wrist"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(none.body()).select("#file-error").text()).isEqualTo("Choose an image, sound or video file to upload.");

        HttpResponse<String> wordy = author.post("/admin/media/", upload(author, "w.png", TestImages.png(50, 50), "x".repeat(251)));
        assertThat(wordy.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(wordy.body());
        assertThat(page.select("#alt-error").text()).startsWith("The description is 251 characters; keep it to 250 or fewer.");
        assertThat(page.select("textarea#alt").attr("aria-describedby")).isEqualTo("alt-error alt-hint");
        assertThat(media.count(false)).isEqualTo(before);
    }

    @Test
    void altTextIsSavedTrimmedRefusedWhenTooLongAndClearedWhenBlank() {
        WebClient editor = CLIENTS.get(AccountRole.EDITOR);
        MediaItem item = media.upload(new MediaUpload("shoulder.png", TestImages.png(120, 90), null));
        String path = "/admin/media/" + item.id() + "/alt/";

        HttpResponse<String> saved = editor.post(path, Map.of("_csrf", token(editor), "alt", "  Shoulder joint, front view  "));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/admin/media/" + item.id() + "/?done=described");
        assertThat(media.byId(item.id()).orElseThrow().alt()).isEqualTo("Shoulder joint, front view");
        assertThat(editor.page("/admin/media/" + item.id() + "/?done=described").select(".notice").text())
                .isEqualTo("The description is saved.");

        String wordy = "Shoulder ".repeat(30);
        HttpResponse<String> refused = editor.post(path, Map.of("_csrf", token(editor), "alt", wordy));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#alt-error").text()).contains("keep it to 250 or fewer");
        assertThat(page.select("textarea#alt").text()).isEqualTo(wordy.strip());
        assertThat(media.byId(item.id()).orElseThrow().alt()).isEqualTo("Shoulder joint, front view");

        assertThat(editor.post(path, Map.of("_csrf", token(editor), "alt", "   ")).statusCode()).isEqualTo(303);
        assertThat(media.byId(item.id()).orElseThrow().alt()).isNull();
        assertThat(editor.post("/admin/media/999999/alt/", Map.of("_csrf", token(editor), "alt", "x")).statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/media/abc/").statusCode()).isEqualTo(404);
    }

    @Test
    void reviewersAndDoctorsAreRefusedOnEveryMediaRouteAndChangeNothing() {
        MediaItem item = media.upload(new MediaUpload("elbow.png", TestImages.png(64, 48), "Elbow"));
        for (AccountRole role : List.of(AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient client = CLIENTS.get(role);
            long before = media.count(false);
            assertThat(client.get("/admin/media/").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.get("/admin/media/" + item.id() + "/").statusCode()).as(role.name()).isEqualTo(403);
            HttpResponse<String> upload = client.post("/admin/media/", upload(client, "x.png", TestImages.png(70, 70), ""));
            assertThat(upload.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(upload.body()).contains("Not allowed");
            assertThat(client.post("/admin/media/" + item.id() + "/alt/", Map.of("_csrf", token(client), "alt", "changed"))
                    .statusCode()).as(role.name()).isEqualTo(403);
            assertThat(media.count(false)).isEqualTo(before);
            assertThat(media.byId(item.id()).orElseThrow().alt()).isEqualTo("Elbow");
            assertThat(client.page("/admin/").select("nav[aria-label='Admin sections'] a").eachText()).doesNotContain("Media");
        }
        assertThat(CLIENTS.get(AccountRole.AUTHOR).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText())
                .contains("Media");
    }

    @Test
    void visitorsAreSentToSignInForPagesAndAnswered401ForPosts() {
        WebClient visitor = new WebClient(server);
        HttpResponse<String> page = visitor.get("/admin/media/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/admin/sign-in/?next=%2Fadmin%2Fmedia%2F");
        assertThat(visitor.get("/admin/media/1/").statusCode()).isEqualTo(302);
        assertThat(storingNothing(() -> visitor.post("/admin/media/",
                new Multipart().file("file", "x.png", "image/png", TestImages.png(80, 80)))).statusCode()).isEqualTo(401);
        assertThat(visitor.post("/admin/media/1/alt/", Map.of("alt", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        WebClient author = CLIENTS.get(AccountRole.AUTHOR);
        HttpResponse<String> response = storingNothing(() -> author.post("/admin/media/", new Multipart().field("alt", "Spine")
                .file("file", "spine.png", "image/png", TestImages.png(90, 90))));
        HttpResponse<String> foreign = storingNothing(() -> author.post("/admin/media/",
                new Multipart().field("_csrf", token(CLIENTS.get(AccountRole.EDITOR)))
                        .file("file", "spine.png", "image/png", TestImages.png(90, 90))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This form has expired");
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void theUploadFormWorksWithoutScriptAndExplainsAltText() {
        Document page = CLIENTS.get(AccountRole.AUTHOR).page("/admin/media/");
        Element form = page.selectFirst("form[action=/admin/media/]");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
        assertThat(form.select("input#file").attr("accept")).isEqualTo("image/jpeg,image/png,image/gif,image/webp,"
                + "audio/mpeg,audio/mp4,audio/wav,audio/ogg,audio/flac,video/mp4,video/quicktime,video/webm,video/ogg");
        assertThat(form.select("label[for=file]").text()).isEqualTo("Image, sound or video file");
        assertThat(form.select("label[for=alt]")).hasSize(1);
        assertThat(form.select("textarea#alt").attr("aria-describedby")).isEqualTo("alt-hint");
        assertThat(page.select("#alt-hint").text()).contains("patient who cannot see it").contains("at most 250 characters");
        // The admin's one script only adds to pages; the upload form itself needs none.
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).startsWith("/static/js/"));
        assertThat(page.select("h1")).hasSize(1);
    }

    /** A real PNG padded after its end to exactly this many bytes. */
    private static byte[] pngOf(long size) {
        byte[] png = TestImages.png(400, 300);
        return TestImages.concat(png, new byte[(int) (size - png.length)]);
    }

    private static Multipart upload(WebClient client, String fileName, byte[] content, String alt) {
        return new Multipart().field("_csrf", token(client)).field("alt", alt).file("file", fileName, "image/png", content);
    }

    /** The CSRF token of this client's session, from a page every signed-in person may open. */
    private static String token(WebClient client) {
        return client.csrfToken("/admin/account/");
    }

    /** Sends the request and checks that it stored no item and no file. */
    private static HttpResponse<String> storingNothing(java.util.function.Supplier<HttpResponse<String>> request) {
        long items = media.count(false);
        long files = mediaFiles();
        HttpResponse<String> response = request.get();
        assertThat(media.count(false)).as("items in the library").isEqualTo(items);
        assertThat(mediaFiles()).as("files in the media folder").isEqualTo(files);
        return response;
    }

    private static long mediaFiles() {
        Path dir = server.site().settings.mediaDir();
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
