package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.content.ImageSize;
import org.vertebra.content.MarkdownRenderer;
import org.vertebra.content.PlayerHtml;
import org.vertebra.support.Multipart;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The admin pages tell images from sounds and videos: a WAV uploaded as a browser sends it shows a
 * placeholder and a native player, never a broken picture, and gives the player to paste.
 */
class MediaAdminSoundsAndVideosTest {

    private static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static WebClient author;
    private static MediaItem wav;
    private static MediaItem mp4;
    private static MediaItem png;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-media-players"),
                TestClock.at("2026-06-01T10:00:00Z"));
        server.site().accounts.addUser("author@example.org", "Ann Author", AccountRole.AUTHOR, PASSWORD);
        author = new WebClient(server).signIn("author@example.org", PASSWORD);
        HttpResponse<String> uploaded = author.post("/admin/media/", new Multipart()
                .field("_csrf", author.csrfToken("/admin/account/"))
                .field("alt", "A physiotherapist counts a slow breath in and out")
                .file("file", "Breathing.wav", "audio/wav", TestSounds.wav(800)));
        assertThat(uploaded.statusCode()).isEqualTo(303);
        long id = Long.parseLong(uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", " ").strip().split(" ")[0]);
        wav = server.site().media.byId(id).orElseThrow();
        mp4 = server.site().media.upload(new MediaUpload("stretch.mp4",
                bytes("\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000mp42isom", 2000), null));
        png = server.site().media.upload(new MediaUpload("knee.png", TestImages.png(300, 200), "A knee from the front"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadedWavIsStoredAsASoundWithItsOwnType() {
        assertThat(wav.contentType()).isEqualTo("audio/wav");
        assertThat(wav.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(mp4.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(png.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(wav.path()).isEqualTo("2026/06/breathing.wav");
        assertThat(author.page("/admin/media/" + wav.id() + "/?done=uploaded").select(".notice[role=status]").text())
                .contains("The sound is uploaded");
    }

    @Test
    void theLibraryShowsAPlaceholderForASoundOrVideoAndNoPixels() {
        Document library = author.page("/admin/media/");
        Element sound = card(library, wav);
        assertThat(sound.select("img")).as("no broken picture of a sound").isEmpty();
        assertThat(sound.select(".media-placeholder[data-kind=audio]").text()).contains("Sound");
        assertThat(sound.select(".media-facts").text()).contains("WAV audio", MediaView.bytes(wav.byteSize())).doesNotContain("Pixels");

        Element video = card(library, mp4);
        assertThat(video.select("img")).isEmpty();
        assertThat(video.select(".media-placeholder[data-kind=video]").text()).contains("Video");
        assertThat(video.select(".media-facts").text()).contains("MP4 video").doesNotContain("Pixels");

        Element picture = card(library, png);
        assertThat(picture.select("img.media-thumb")).hasSize(1);
        assertThat(picture.select(".media-facts").text()).contains("Pixels", "300 × 200");
        assertThat(library.select("#library-heading").text()).isEqualTo("Files");
    }

    @Test
    void aSoundsPageHasANativePlayerAndGivesThePlayerThatTheWordPressImportWrites() {
        Document page = author.page("/admin/media/" + wav.id() + "/");
        assertThat(page.select("img[src^=/media/]")).as("no picture of a sound").isEmpty();
        Element player = page.selectFirst("main audio[controls]");
        assertThat(player).isNotNull();
        assertThat(player.attr("src")).isEqualTo(wav.url()).startsWith("/media/").endsWith(".wav");
        assertThat(player.attr("preload")).isEqualTo("metadata");
        assertThat(page.select(".facts").text()).contains("WAV audio").doesNotContain("Pixels");

        String snippet = page.select("textarea#markdown").val();
        assertThat(snippet).isEqualTo("<figure>\n<audio controls preload=\"metadata\" src=\"" + wav.url() + "\"><a href=\""
                + wav.url() + "\">breathing.wav</a></audio>\n</figure>")
                .isEqualTo(PlayerHtml.figure("audio", List.of(wav.url()), null, null));
        assertThat(page.select("label[for=markdown]").text()).isEqualTo("Player to paste into the article");
        assertThat(page.select("#markdown-hint").text()).contains("lines of its own").contains("transcript");
        Document rendered = Jsoup.parseBodyFragment(new MarkdownRenderer()
                .render("Breathe with the recording.\n\n" + snippet + "\n\nThen rest.", ImageSize.Lookup.none()).html());
        assertThat(rendered.select("figure > audio[controls][src=" + wav.url() + "]")).as("the article renderer keeps it").hasSize(1);

        assertThat(page.select("label[for=alt]").text()).isEqualTo("Description (text alternative)");
        assertThat(page.select("#alt-hint").text()).contains("what it holds").doesNotContain("what the picture shows");
        assertThat(page.select("textarea#alt").text()).isEqualTo("A physiotherapist counts a slow breath in and out");
        assertThat(page.select(".media-sizes")).as("a sound has no smaller sizes").isEmpty();
        assertThat(page.select("[data-uses=none]").text()).contains("shows this sound");
    }

    @Test
    void aVideosPageHasANativeVideoPlayerAndItsSnippet() {
        Document page = author.page("/admin/media/" + mp4.id() + "/");
        assertThat(page.select("img[src^=/media/]")).isEmpty();
        assertThat(page.select("main video[controls][preload=metadata]").attr("src")).isEqualTo(mp4.url());
        assertThat(page.select("textarea#markdown").val()).isEqualTo(PlayerHtml.figure("video", List.of(mp4.url()), null, null))
                .contains("<video controls preload=\"metadata\" src=\"" + mp4.url() + "\">");
        assertThat(page.select(".badge").text()).isEqualTo("No description");
        assertThat(page.select("#markdown-hint").text()).doesNotContain("Describe the image");
    }

    @Test
    void anImagesPageStillShowsThePictureItsPixelsAndItsMarkdown() {
        Document page = author.page("/admin/media/" + png.id() + "/");
        assertThat(page.select("img.media-preview").attr("src")).isEqualTo(png.url());
        assertThat(page.select("main audio, main video")).isEmpty();
        assertThat(page.select("input#markdown").val()).isEqualTo("![A knee from the front](" + png.url() + ")");
        assertThat(page.select(".facts").text()).contains("Pixels 300 × 200");
        assertThat(page.select("label[for=alt]").text()).isEqualTo("Alt text");
        assertThat(page.select("#alt-hint").text()).contains("what the picture shows");
    }

    @Test
    void theUploadFormNamesImagesSoundsAndVideosTheirTypesAndTheLimit() {
        Document page = author.page("/admin/media/");
        assertThat(page.select("#upload-heading").text()).isEqualTo("Upload an image, sound or video");
        assertThat(page.select("label[for=file]").text()).isEqualTo("Image, sound or video file");
        String hint = page.select("#file-hint").text();
        assertThat(hint).contains("At most 10 MB")
                .contains("images: JPEG, PNG, GIF or WebP; camera details and location are removed from the stored file")
                .contains("sounds: MP3, M4A, WAV, Ogg or FLAC")
                .contains("videos: MP4, QuickTime, WebM or Ogg")
                .contains("Sounds and videos are stored as they came");
        String altHint = page.select("#alt-hint").text();
        assertThat(altHint).contains("For an image, write what the picture shows for a patient who cannot see it")
                .contains("For a sound or video, say in a sentence what it holds");
        assertThat(page.select("#file").attr("accept").split(",")).contains("image/png", "audio/wav", "video/mp4");
    }

    @Test
    void thePickerInsertsAPlayerForASoundAndOffersOnlyImagesForTheFeaturedImage() throws IOException {
        JsonNode all = JSON.readTree(author.get("/admin/media/picker.json").body());
        JsonNode sound = item(all, wav);
        assertThat(sound.path("kind").asText()).isEqualTo("audio");
        assertThat(sound.path("type").asText()).isEqualTo("WAV audio");
        assertThat(sound.path("thumbnail").isNull()).isTrue();
        assertThat(sound.path("markdown").asText()).isEqualTo(wav.snippet()).startsWith("<figure>\n<audio controls");
        assertThat(item(all, png).path("kind").asText()).isEqualTo("image");
        assertThat(all.path("total").asLong()).isEqualTo(3);

        JsonNode images = JSON.readTree(author.get("/admin/media/picker.json?kind=image").body());
        assertThat(images.path("total").asLong()).isEqualTo(1);
        assertThat(images.path("items").findValuesAsText("kind")).containsOnly("image");
        assertThat(JSON.readTree(author.get("/admin/media/picker.json?kind=image&q=breathing").body()).path("total").asLong())
                .isZero();
    }

    private static Element card(Document library, MediaItem item) {
        Element card = library.selectFirst(".media-card:has(a[href=/admin/media/" + item.id() + "/])");
        assertThat(card).as("the card of %s", item.path()).isNotNull();
        return card;
    }

    private static JsonNode item(JsonNode page, MediaItem wanted) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asLong() == wanted.id()) {
                return item;
            }
        }
        throw new AssertionError("not in the picker: " + wanted.path());
    }

    private static byte[] bytes(String head, int length) {
        byte[] bytes = new byte[length];
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(start, 0, bytes, 0, start.length);
        return bytes;
    }
}
