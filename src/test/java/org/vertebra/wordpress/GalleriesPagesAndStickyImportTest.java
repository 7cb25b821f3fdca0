package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A hand-written export (wordpress-hand-written/galleries-pages-sticky.xml) with a gallery, an
 * audio block, a post in three pages and a sticky post, imported and then read as a visitor would.
 */
class GalleriesPagesAndStickyImportTest {

    @TempDir
    Path temp;

    private TestServer server;
    private WordPressReport report;

    private void importTheExport(TestDatabase kind) throws Exception {
        Path uploads = temp.resolve("uploads/2024/05");
        Files.createDirectories(uploads);
        Files.write(uploads.resolve("knee-front.png"), png(0x3366aa));
        Files.write(uploads.resolve("knee-side.png"), png(0xaa6633));
        byte[] mp3 = new byte[4000];
        System.arraycopy("ID3".getBytes(), 0, mp3, 0, 3);
        Files.write(uploads.resolve("breathing.mp3"), mp3);
        Path export = Path.of(getClass().getResource("/wordpress-hand-written/galleries-pages-sticky.xml").toURI());
        Files.createDirectories(temp.resolve("site"));
        server = TestServer.empty(kind, temp.resolve("site"), TestClock.at("2026-06-01T12:00:00Z"));
        report = server.site().wordpress.importFile(export, temp.resolve("uploads"), false, WordPressImporter.Progress.none());
        server.server().refreshCache();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyPageOfAPostInPagesAnswers301ToTheOneArticle(TestDatabase kind) throws Exception {
        importTheExport(kind);
        assertThat(report.failures()).isEmpty();
        for (String old : new String[] {"/knee-pictures/2/", "/knee-pictures/3/", "/2024/05/01/knee-pictures/2/",
                "/2024/05/01/knee-pictures/3/"}) {
            HttpResponse<String> response = server.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).hasValueSatisfying(l -> assertThat(l).endsWith("/knee-pictures/"));
        }
        assertThat(server.get("/knee-pictures/4/").statusCode()).isEqualTo(404);
        Document article = server.page("/knee-pictures/");
        assertThat(article.select(".entry-content").text()).contains("Page one ends here.", "Page two: more about the knee.",
                "Page three: the last one.").doesNotContain("nextpage");
        assertThat(server.site().articleWriter.bySlug("knee-pictures").orElseThrow().bodyMarkdown()).doesNotContain("<!--")
                .doesNotContain("nextpage").doesNotContain("more-->");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void galleryShowsTheImportedImagesWithAltTextAndCaptions(TestDatabase kind) throws Exception {
        importTheExport(kind);
        Element gallery = server.page("/knee-pictures/").selectFirst(".entry-content figure.gallery");
        assertThat(gallery).isNotNull();
        assertThat(gallery.className()).isEqualTo("gallery gallery-columns-2");
        assertThat(gallery.select("> figure img").eachAttr("alt")).containsExactly("Front of a demo knee", "Side of a demo knee");
        assertThat(gallery.select("> figure img").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("/media/"));
        assertThat(gallery.select("> figure > figcaption").eachText()).containsExactly("Front view");
        for (String src : gallery.select("img").eachAttr("src")) {
            assertThat(server.get(src).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void audioBlockPlaysTheLibrarysFileAndAnotherHostsStaysALinkWithAWarning(TestDatabase kind) throws Exception {
        importTheExport(kind);
        Document article = server.page("/breathing-exercise/");
        Element audio = article.selectFirst(".entry-content figure > audio[controls]");
        assertThat(audio).isNotNull();
        assertThat(audio.attr("src")).startsWith("/media/").endsWith(".mp3");
        assertThat(article.selectFirst("audio + figcaption").text()).isEqualTo("A demo breathing exercise");
        assertThat(article.select("[src*=example.org]")).isEmpty();
        assertThat(article.select(".entry-content a[href=https://podcasts.example.org/episode-4.mp3]")).hasSize(1);
        assertThat(report.warnings()).anyMatch(w -> w.contains("post 8") && w.contains("https://podcasts.example.org/episode-4.mp3"));
        HttpResponse<String> file = server.get(audio.attr("src"));
        assertThat(file.headers().firstValue("Content-Type")).contains("audio/mpeg");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stickyPostIsFirstOnTheHomePageAndOnlyOnce(TestDatabase kind) throws Exception {
        importTheExport(kind);
        Document home = server.page("/");
        assertThat(home.select(".card-title a").eachText())
                .containsExactly("Breathing exercise", "Newest demo post", "Knee pictures", "Older demo post");
        // Elsewhere it keeps its date: the feed and its category's listing are in date order.
        server.site().articleWriter.stick(server.site().articleWriter.bySlug("breathing-exercise").orElseThrow().id(), false);
        server.server().refreshCache();
        assertThat(server.page("/").select(".card-title a").eachText())
                .containsExactly("Newest demo post", "Knee pictures", "Older demo post", "Breathing exercise");
    }

    private static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, rgb + x * y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
