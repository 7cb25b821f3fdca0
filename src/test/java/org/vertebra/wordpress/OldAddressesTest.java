package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Walks every public address that the real WordPress site answered (crawled by make-export.sh
 * under /%postname%/ and under /%year%/%monthnum%/%day%/%postname%/) against a Vertebra site that
 * imported its export: each answers 200, or a 301 that leads to the same content.
 */
class OldAddressesTest {

    @TempDir
    Path temp;

    private TestServer server;
    private final Map<String, String> expected = new HashMap<>();
    private final java.util.Set<String> attachmentSlugs = new java.util.HashSet<>();
    /** The addresses of password-protected posts, which are drafts here: checked apart, in {@link ProtectedPostsTest}. */
    private final java.util.Set<String> protectedPaths = new java.util.HashSet<>();

    @BeforeEach
    void importTheSite() {
        server = TestServer.empty(TestDatabase.SQLITE, temp, TestClock.at("2026-06-01T12:00:00Z"));
        server.site().trustSettings.adoptDefaultDisclosure("Demo disclosure: the writers declare no conflicts of interest.");
        WordPressReport report = server.site().wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), false,
                WordPressImporter.Progress.none());
        assertThat(report.failures()).isEmpty();
        server.server().refreshCache();
        describeWhatEachWordPressAddressShowed();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** For each canonical address of the WordPress site, what the page there was: a title, an image, a feed. */
    private void describeWhatEachWordPressAddressShowed() {
        Map<String, String> categoryParents = new HashMap<>();
        new WxrReader().read(WordPressFixture.export(), new WxrReader.Visitor() {
            @Override
            public void author(WxrAuthor author) {
                expected.put("/author/" + author.login() + "/", "h1:" + author.name());
            }

            @Override
            public void term(WxrTerm term) {
                if (term.kind() == WxrTerm.Kind.TAG) {
                    expected.put("/tag/" + term.slug() + "/", "h1:" + term.name());
                    return;
                }
                categoryParents.put(term.slug(), term.parentSlug());
                String path = term.slug();
                for (String up = term.parentSlug(); !up.isEmpty(); up = categoryParents.getOrDefault(up, "")) {
                    path = up + "/" + path;
                }
                expected.put("/category/" + path + "/", "h1:" + term.name());
            }

            @Override
            public void item(WxrItem item) {
                if (item.type().equals("attachment")) {
                    expected.put(URI.create(item.link()).getPath(), "image");
                    attachmentSlugs.add(item.slug());
                    return;
                }
                if (item.passwordProtected()) {
                    protectedPaths.add(URI.create(item.link()).getPath());
                    return;
                }
                // An untitled post is titled by its first words (UntitledPosts); WordPress showed no heading.
                String title = UntitledPosts.titleOf(item);
                expected.put(URI.create(item.link()).getPath(), "h1:" + title);
                LocalDateTime date = LocalDateTime.parse(item.postDate(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
                expected.put(String.format("/%04d/%02d/%02d/%s/", date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                        item.slug()), "h1:" + title);
            }
        });
        expected.put("/", "home");
        List.of("/feed/", "/feed/atom/", "/comments/feed/").forEach(f -> expected.put(f, "feed"));
    }

    @Test
    void everyAddressOfTheWordPressSiteStillLeadsToItsContent() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String list : List.of("urls-postname.txt", "urls-dated.txt")) {
            for (String line : Files.readAllLines(WordPressFixture.folder().resolve(list))) {
                String[] parts = line.split(" ");
                String path = parts[0];
                String canonical = parts[1].equals("301") ? URI.create(parts[2]).getRawPath() : path;
                String last = canonical.replaceAll("/$", "").replaceAll("^.*/", "");
                if (protectedPaths.stream().anyMatch(p -> canonical.endsWith(p))) {
                    continue;
                }
                if (canonical.contains("/wp-content/uploads/") || attachmentSlugs.contains(last)) {
                    expectAt(path, "image");
                } else {
                    String what = expected.get(canonical);
                    assertThat(what).as("what WordPress showed at " + canonical).isNotNull();
                    expectAt(path, what);
                }
                checked.add(path);
            }
        }
        assertThat(checked).hasSizeGreaterThan(60);
    }

    private void expectAt(String path, String what) {
        String at = path;
        HttpResponse<String> response = server.get(at);
        for (int hops = 0; response.statusCode() == 301 && hops < 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            at = URI.create(location).isAbsolute() ? URI.create(location).getRawPath() : location;
            response = server.get(at);
        }
        assertThat(response.statusCode()).as(path + " (finally " + at + ")").isEqualTo(200);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (what.equals("image")) {
            assertThat(type).as(path).matches("(image|audio|video)/.*");
            assertThat(at).as(path).startsWith("/media/");
        } else if (what.equals("feed")) {
            assertThat(type).as(path).contains("xml");
        } else if (what.startsWith("h1:")) {
            assertThat(Jsoup.parse(response.body()).select("h1").text()).as(path + " (finally " + at + ")")
                    .contains(what.substring(3));
        } else {
            assertThat(at).isEqualTo("/");
        }
    }

    @Test
    void articlePageShowsTheSeoTitleAndDescriptionAndItsVideosAsBareAddresses() {
        org.jsoup.nodes.Document page = server.page("/low-back-pain-demo/");
        assertThat(page.title()).startsWith("Low back pain (demo) - ");
        assertThat(page.select("meta[name=description]").attr("content"))
                .isEqualTo("Demo content: what usually helps low back pain, and when to see a doctor.");
        assertThat(page.select("figure:not(.embed) figcaption").text()).isEqualTo("A demo spine model, seen from the side.");
        assertThat(page.select("figure img").attr("src")).startsWith("/media/");
        // The post's YouTube and Vimeo embeds come in as the consent gate's inert placeholders: no iframe.
        assertThat(page.select("figure.embed").eachAttr("data-embed-src")).hasSize(2)
                .anyMatch(src -> src.startsWith("https://www.youtube-nocookie.com/embed/"))
                .anyMatch(src -> src.startsWith("https://player.vimeo.com/"));
        assertThat(page.select("iframe")).isEmpty();
        assertThat(page.select("figure img").attr("srcset")).contains("/media/");
        assertThat(page.html()).doesNotContain("wp-content").doesNotContain("<script>alert");
        Document knee = server.page("/knee-exercises-demo/");
        assertThat(knee.select("main table th").eachText()).containsExactly("Exercise", "Days a week");
        assertThat(knee.select("blockquote").text()).contains("Little and often");
    }

    @Test
    void aDraftsOldAddressStaysNotFound() {
        // WordPress post 11 is a draft: its /?p= form shows the home page, as WordPress shows nothing of it either.
        assertThat(server.get("/?p=11").headers().firstValue("Location")).isEmpty();
        assertThat(server.get("/shoulder-draft-demo/").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownWordPressQueryStillShowsTheHomePage() {
        assertThat(server.get("/?p=999999").statusCode()).isEqualTo(200);
        assertThat(server.get("/no-such-page/deeper/").statusCode()).isEqualTo(404);
    }
}
