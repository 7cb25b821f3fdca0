package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** Feeds read by ROME, a real feed parser; the sitemap and robots.txt read as a crawler would. */
class FeedsTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-feeds"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void siteRssFeedListsNewestArticlesWithAbsoluteLinks() throws Exception {
        SyndFeed feed = parse("/feed/", "application/rss+xml");

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Test Clinic");
        assertThat(feed.getEntries()).hasSize(14);
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).allMatch(l -> l.startsWith("http://vertebra.test/"))
                .doesNotContain("http://vertebra.test/about/");
        assertThat(feed.getEntries()).extracting(SyndEntry::getPublishedDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getAuthor()).isNotBlank();
        assertThat(first.getCategories()).isNotEmpty();
        assertThat(first.getContents()).singleElement().satisfies(c -> assertThat(c.getValue()).contains("<h2"));
    }

    @Test
    void siteAtomFeedIsAtomWithTheSameArticles() throws Exception {
        SyndFeed atom = parse("/feed/atom/", "application/atom+xml");
        SyndFeed rss = parse("/feed/", "application/rss+xml");

        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).extracting(SyndEntry::getLink)
                .containsExactlyElementsOf(rss.getEntries().stream().map(SyndEntry::getLink).toList());
        assertThat(atom.getEntries()).allSatisfy(e -> assertThat(e.getUpdatedDate()).isNotNull());
    }

    @Test
    void categoryFeedsHoldOnlyThatCategory() throws Exception {
        for (String path : List.of("/category/spine/feed/", "/category/spine/feed/atom/")) {
            SyndFeed feed = parse(path, path.endsWith("atom/") ? "application/atom+xml" : "application/rss+xml");
            assertThat(feed.getEntries()).isNotEmpty().allSatisfy(e ->
                    assertThat(e.getCategories()).anySatisfy(c -> assertThat(c.getName()).isEqualTo("Spine")));
        }
        assertThat(server.get("/category/no-such/feed/").statusCode()).isEqualTo(404);
    }

    @Test
    void feedContentPointsImagesAtTheSite() throws Exception {
        SyndFeed feed = parse("/feed/", "application/rss+xml");
        String heel = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/plantar-fasciitis-heel-pain/"))
                .findFirst().orElseThrow().getContents().get(0).getValue();
        assertThat(Jsoup.parse(heel).select("img").eachAttr("src")).isNotEmpty()
                .allMatch(src -> src.startsWith("http://vertebra.test/media/"));
    }

    @Test
    void sitemapListsEveryPublicPageWithLastModified() {
        HttpResponse<String> response = server.get("/sitemap.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        Document sitemap = Jsoup.parse(response.body(), "", Parser.xmlParser());

        assertThat(sitemap.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locations = sitemap.select("url > loc").eachText();
        assertThat(locations).contains("http://vertebra.test/", "http://vertebra.test/low-back-pain-when-to-worry/",
                "http://vertebra.test/about/", "http://vertebra.test/policies/", "http://vertebra.test/editorial-policy/")
                .hasSize(1 + 14 + 6);
        assertThat(sitemap.select("url > lastmod").eachText()).hasSize(locations.size())
                .allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void sitemapLastModifiedIsTheArticlesOwnUpdatedOrPublishedDateNotWhenItWasImported() {
        Document sitemap = Jsoup.parse(server.get("/sitemap.xml").body(), "", Parser.xmlParser());
        java.util.function.Function<String, String> lastmod = slug -> sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals("http://vertebra.test/" + slug + "/"))
                .findFirst().orElseThrow().selectFirst("lastmod").text();

        assertThat(lastmod.apply("ankle-sprain-first-days")).startsWith("2025-03-10"); // updated: 2025-03-10
        assertThat(lastmod.apply("bone-tumours-benign-and-malignant")).startsWith("2024-08-19"); // published, never updated
    }

    @Test
    void aSiteThatFitsInOneSitemapFileHasNoNumberedFiles() {
        // Answered by the sitemap files' route (a 404), not taken for an article's address without its slash (a 301).
        assertThat(server.get("/sitemap-1.xml").statusCode()).isEqualTo(404);
        assertThat(server.get("/sitemap-x.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsPointsToTheSitemap() {
        HttpResponse<String> response = server.get("/robots.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sitemap: http://vertebra.test/sitemap.xml").contains("Disallow: /admin/");
    }

    private static SyndFeed parse(String path, String expectedType) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith(expectedType));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }
}
