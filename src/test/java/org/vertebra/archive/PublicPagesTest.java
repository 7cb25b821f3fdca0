package org.vertebra.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** Every public page of the demo site, served for real and read with jsoup, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PublicPagesTest {

    static final String ARTICLE = "/low-back-pain-when-to-worry/";

    @Parameter
    TestDatabase database;

    /** One server per database kind, shared by the read-only tests of this class. */
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws java.io.IOException {
        server = TestServer.withDemo(database, java.nio.file.Files.createTempDirectory("vertebra-pages"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void everyPageHasLandmarksSkipLinksMenusSidebarAndOneH1() {
        for (String path : List.of("/", "/page/2/", ARTICLE, "/category/spine/", "/tag/exercise/",
                "/author/asha-raman/", "/about/")) {
            Document page = server.page(path);
            assertThat(page.select("h1")).as("h1 on %s", path).hasSize(1);
            assertThat(page.select("header.site-header, nav, main#main, aside#sidebar, footer")).as(path).hasSizeGreaterThanOrEqualTo(5);
            assertThat(page.select(".skip-links a")).extracting(Element::text).containsExactly(
                    "Skip to primary navigation", "Skip to main content", "Skip to primary sidebar");
            for (Element skip : page.select(".skip-links a")) {
                assertThat(page.getElementById(skip.attr("href").substring(1))).as("target of %s on %s", skip.text(), path).isNotNull();
            }
            assertThat(page.select("#primary-nav a")).extracting(Element::text).containsExactly(
                    "Home", "TeleConsult", "About", "Newsletter/Updates", "Contact Us", "Policies");
            assertThat(page.select(".category-nav a")).hasSize(9);
            assertThat(page.select("#sidebar h2").text()).isEqualTo("Browse Articles");
            assertThat(page.select("#sidebar .browse-item")).hasSize(5);
            assertThat(page.select("footer").text()).contains("Copyright");
        }
    }

    @Test
    void everyPageHasAMetaDescription() {
        for (String path : List.of("/", "/page/2/", ARTICLE, "/category/spine/", "/tag/exercise/", "/author/asha-raman/",
                "/about/", "/teleconsult/", "/contact/", "/newsletter/", "/search/?q=knee")) {
            assertThat(server.page(path).select("meta[name=description]").attr("content")).as(path).isNotBlank();
        }
        assertThat(server.page("/teleconsult/").select("meta[name=description]").attr("content"))
                .startsWith("Book an online video consultation");
    }

    @Test
    void sidebarShowsThumbnailTitleAndExcerptCutAtAWord() {
        Document page = server.page("/");
        Element item = page.selectFirst("#sidebar .browse-item");
        assertThat(item.selectFirst("img").attr("src")).startsWith("/media/");
        assertThat(item.selectFirst("a.browse-title").text()).isNotBlank();
        assertThat(page.select("#sidebar .browse-excerpt")).anySatisfy(e -> assertThat(e.text()).endsWith(" [...]"));
    }

    @Test
    void articleShowsItsPartsInOrder() {
        Document page = server.page(ARTICLE);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Low Back Pain: When Should You Worry?");
        assertThat(page.selectFirst(".demo-note").text()).isEqualTo("Demo content - not medical advice");
        assertThat(page.selectFirst(".entry-meta a[rel=author]").attr("href")).isEqualTo("/author/asha-raman/");
        assertThat(page.select(".entry-meta time")).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(t -> assertThat(t.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(page.selectFirst(".featured-image img").attr("width")).isEqualTo("1200");
        assertThat(page.select(".entry-footer .entry-categories a")).extracting(Element::text).contains("Spine", "Pain");
        assertThat(page.select(".entry-footer .entry-tags a")).isNotEmpty();
        assertThat(page.select(".author-box img.author-photo")).hasSize(1);
        assertThat(page.selectFirst(".author-box").text()).contains("Dr Asha Raman").contains("fictional");
    }

    @Test
    void tableOfContentsLinksToHeadingsThatExist() {
        Document page = server.page(ARTICLE);
        List<Element> links = page.select("nav.toc a");
        assertThat(links).hasSizeGreaterThan(3);
        for (Element link : links) {
            String id = link.attr("href").substring(1);
            Element target = page.getElementById(id);
            assertThat(target).as("toc target #%s", id).isNotNull();
            assertThat(target.tagName()).isIn("h2", "h3");
            assertThat(target.text()).isEqualTo(link.text());
        }
        assertThat(page.select("nav.toc > ol > li > ol > li")).as("nested h3 entries").isNotEmpty();
    }

    @Test
    void referencesAreNumberedWithDoiAndPubmedLinks() {
        Document page = server.page("/sciatica-and-disc-herniation/");
        List<Element> items = page.select("section.references ol > li");
        assertThat(items).isNotEmpty();
        assertThat(page.select("section.references a[href^=https://doi.org/10.]")).isNotEmpty();
        assertThat(page.select("section.references a[href^=https://pubmed.ncbi.nlm.nih.gov/]")).isNotEmpty();
        for (Element doiLink : page.select("section.references a[href^=https://doi.org/]")) {
            assertThat(doiLink.attr("href")).isEqualTo("https://doi.org/" + doiLink.text().replaceFirst("^(doi:|https://doi.org/)", ""));
        }
        assertThat(page.select(".entry-content h2")).noneMatch(h -> h.text().equals("References"));
    }

    @Test
    void relatedShowsAtMostFourOtherPublishedArticles() {
        Document page = server.page(ARTICLE);
        List<String> related = page.select("section.related .card-title a").eachAttr("href");
        assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(4).doesNotContain(ARTICLE).doesNotHaveDuplicates();
        assertThat(server.page(ARTICLE).select("section.related .card-title a").eachAttr("href")).isEqualTo(related);
    }

    @Test
    void shareLinksArePlainLinksWithoutThirdPartyScripts() {
        Document page = server.page(ARTICLE);
        assertThat(page.select("nav.share a")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.select("script[src]")).allSatisfy(s -> assertThat(s.attr("src")).startsWith("/static/"));
    }

    @Test
    void noAssetComesFromAnotherHost() {
        for (String path : List.of("/", ARTICLE, "/about/")) {
            Document page = server.page(path);
            assertThat(page.select("link[rel=stylesheet], link[rel=icon], script[src], img[src]"))
                    .allSatisfy(e -> assertThat(e.hasAttr("href") ? e.attr("href") : e.attr("src")).startsWith("/"));
        }
    }

    @Test
    void imagesDeclareWidthAndHeight() {
        for (String path : List.of("/", ARTICLE, "/plantar-fasciitis-heel-pain/")) {
            assertThat(server.page(path).select("img")).allSatisfy(img -> {
                assertThat(img.attr("width")).as("width of %s", img.attr("src")).isNotBlank();
                assertThat(img.attr("height")).as("height of %s", img.attr("src")).isNotBlank();
            });
        }
    }

    @Test
    void featuredImagesCardsAndThumbnailsOfferTheirVariantsInSrcset() {
        Document article = server.page(ARTICLE);
        Element featured = article.selectFirst(".featured-image img");
        assertThat(featured.attr("srcset")).matches("(/media/\\S+-\\d+w\\.png \\d+w, )+/media/\\S+\\.png 1200w");
        assertThat(featured.attr("sizes")).isEqualTo("(min-width: 64rem) 780px, 100vw");
        assertThat(featured.attr("width")).isEqualTo("1200");
        assertThat(featured.attr("height")).isEqualTo("675");
        assertThat(article.selectFirst("section.related .card-image img").attr("srcset")).contains(" 150w, ");
        Document home = server.page("/");
        assertThat(home.selectFirst("#sidebar img.browse-thumb").attr("sizes")).isEqualTo("72px");
        assertThat(home.select(".card-image img")).allSatisfy(img -> assertThat(img.attr("srcset")).contains(" 640w, "));
        for (String candidate : featured.attr("srcset").split(", ")) {
            String url = candidate.substring(0, candidate.indexOf(' '));
            assertThat(server.get(url).statusCode()).as(url).isEqualTo(200);
        }
    }

    @Test
    void demoFeaturedImagesAndBodyImagesHaveAltText() {
        assertThat(server.page(ARTICLE).selectFirst(".featured-image img").attr("alt"))
                .isEqualTo("Illustration of the spine with the lower back highlighted by rings of pain");
        var media = server.site().media;
        var articles = server.site().articles;
        List<org.vertebra.article.PublishedArticles.Listed> published = new java.util.ArrayList<>();
        articles.forEachPublicAddress(0, Integer.MAX_VALUE, published::add);
        assertThat(published).hasSizeGreaterThan(10).allSatisfy(listed -> {
            var article = server.site().articleWriter.bySlug(listed.slug()).orElseThrow();
            assertThat(media.missingAltText(article.imageId(), article.bodyMarkdown())).as(listed.slug()).isEmpty();
        });
    }

    @Test
    void homePagePaginatesAsWordPressDoes() {
        Document first = server.page("/");
        assertThat(first.select("main .card")).hasSize(10);
        assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/page/2/");
        Document second = server.page("/page/2/");
        assertThat(second.select("main .card")).hasSize(4);
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
        assertThat(server.get("/page/3/").statusCode()).isEqualTo(404);
        assertThat(server.get("/page/1/").headers().firstValue("Location")).contains("/");
    }

    @Test
    void homePageListsNewestFirstAndNoPages() {
        List<String> dates = server.page("/").select("main .card time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(server.page("/").select("main .card-title a").eachAttr("href")).doesNotContain("/about/");
    }

    @Test
    void archivesListTheirArticles() {
        Document category = server.page("/category/spine/");
        assertThat(category.selectFirst("h1").text()).isEqualTo("Spine");
        assertThat(category.select("main .card-title a").eachAttr("href")).contains(ARTICLE, "/sciatica-and-disc-herniation/");
        Document author = server.page("/author/daniel-okafor/");
        assertThat(author.selectFirst("h1").text()).isEqualTo("Dr Daniel Okafor");
        assertThat(author.select("main .card")).isNotEmpty();
        assertThat(author.select("main .card-meta a")).allSatisfy(a -> assertThat(a.text()).isEqualTo("Dr Daniel Okafor"));
        Element tagLink = server.page(ARTICLE).selectFirst(".entry-tags a");
        assertThat(server.page(tagLink.attr("href")).select("main .card-title a").eachAttr("href")).contains(ARTICLE);
    }

    @Test
    void staticPagesHaveNoBylineOrShareLinks() {
        Document about = server.page("/about/");
        assertThat(about.selectFirst("h1").text()).isNotBlank();
        assertThat(about.select(".entry-meta, nav.share")).isEmpty();
        for (String path : List.of("/policies/", "/contact/", "/teleconsult/", "/newsletter/")) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void unknownAddressesAnswerARealNotFoundPage() {
        for (String path : List.of("/no-such-article/", "/category/no-such/", "/tag/no-such/", "/author/nobody/",
                "/a/b/c/", "/category/spine/page/9/")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).contains("<h1>Page not found</h1>").contains("Browse Articles");
        }
    }

    @Test
    void pathWithoutTrailingSlashRedirectsPermanently() {
        HttpResponse<String> response = server.get("/about?x=1");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/about/?x=1");
        assertThat(server.get("/category/spine").statusCode()).isEqualTo(301);
        assertThat(server.get("/static/css/site.css").statusCode()).isEqualTo(200);
    }

    @Test
    void browsersThatAcceptGzipGetTheWholePageCompressedFreshAndFromCache() throws java.io.IOException {
        for (String path : List.of("/tag/knee/", "/tag/knee/", "/tag/knee/")) {
            HttpResponse<byte[]> response = server.getAcceptingGzip(path);
            assertThat(response.statusCode()).isEqualTo(200);
            byte[] body = response.body();
            String html = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                    ? new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)
                    : new String(body, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("<h1 class=\"archive-title\">knee").contains("</html>");
        }
        assertThat(server.getAcceptingGzip("/tag/knee/").headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Test
    void healthAnswersWhenDatabaseIsReachable() {
        HttpResponse<String> response = server.get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> response = server.get(ARTICLE);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).matches("(?i)text/html;\\s*charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
