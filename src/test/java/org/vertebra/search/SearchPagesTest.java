package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The search pages of the demo site over HTTP, on SQLite and PostgreSQL: what a reader types in
 * the box, WordPress's old search address, the suggestions API, and the index following the
 * database as articles are published, changed and withdrawn.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SearchPagesTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;
    private static Path folder;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        folder = Files.createTempDirectory("vertebra-search-pages");
        server = TestServer.withDemo(database, folder);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private static Document search(String query) {
        return server.page("/search/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> resultLinks(Document page) {
        return page.select(".search-result h2 a").eachAttr("href");
    }

    @Test
    void findsTheDemoArticleWhoseTitleHasTheWordFirst() {
        Document page = search("wrist fractures");

        assertThat(resultLinks(page)).first().isEqualTo("/wrist-fracture-care/");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Search results for \u201cwrist fractures\u201d");
        assertThat(page.selectFirst("#search-page-q").val()).isEqualTo("wrist fractures");
        assertThat(page.select(".search-result mark")).isNotEmpty()
                .allSatisfy(mark -> assertThat(mark.text().toLowerCase()).matches("wrist.*|fractur.*|broken.*"));
    }

    @Test
    void patientWordsFindClinicalArticles() {
        assertThat(resultLinks(search("slipped disc"))).contains("/sciatica-and-disc-herniation/");
        assertThat(resultLinks(search("tennis elbow"))).first().isEqualTo("/tennis-elbow-lateral-epicondylitis/");
    }

    @Test
    void misspelledWordOffersTheCorrectionAndShowsItsResults() {
        Document page = search("sciatca");

        Element didYouMean = page.selectFirst(".did-you-mean a");
        assertThat(didYouMean.text()).isEqualTo("sciatica");
        assertThat(didYouMean.attr("href")).isEqualTo("/search/?q=sciatica");
        assertThat(resultLinks(page)).contains("/sciatica-and-disc-herniation/");
    }

    @Test
    void nothingFoundSaysSoWithStatus200() {
        Document page = search("zzqqxx");

        assertThat(resultLinks(page)).isEmpty();
        assertThat(page.selectFirst(".search-message").text()).contains("Nothing matched");
    }

    @Test
    void wordsThatNeverMeetTogetherShowArticlesWithSomeOfThem() {
        Document page = search("sciatica zzqqxx");

        assertThat(resultLinks(page)).contains("/sciatica-and-disc-herniation/");
        assertThat(page.selectFirst(".search-message").text()).contains("some of them");
    }

    @Test
    void echoedQueryIsEscaped() {
        HttpResponse<String> response = server.get("/search/?q=" + URLEncoder.encode("<b>knee</b>", StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<b>knee</b>").contains("&lt;b&gt;knee&lt;/b&gt;");
    }

    static Stream<String> hostileQueries() {
        return Stream.of("", "AND OR ((", "title:*", "\"unclosed", "\\", "+-&&||!(){}[]^\"~*?:\\/", "?!.,;",
                "a".repeat(10_240), "%00", "\uD83D\uDE00", "/regex.*/");
    }

    @ParameterizedTest(name = "query of {index}")
    @MethodSource("hostileQueries")
    void anyQueryAnswersAFriendlyPage(String query) {
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        for (String path : List.of("/search/?q=" + encoded, "/search/?q=" + encoded + "&page=-3", "/api/v1/search?q=" + encoded)) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void searchPagesAreNeverIndexedButArticlesAre() {
        for (String path : List.of("/search/", "/search/?q=knee", "/search/?q=anything+typed+here")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.headers().firstValue("X-Robots-Tag")).as(path).contains("noindex");
            assertThat(Jsoup.parse(response.body()).select("meta[name=robots]").attr("content")).as(path).startsWith("noindex");
        }
        HttpResponse<String> article = server.get("/tennis-elbow-lateral-epicondylitis/");
        assertThat(article.headers().firstValue("X-Robots-Tag")).isEmpty();
        assertThat(Jsoup.parse(article.body()).select("meta[name=robots]")).isEmpty();
        assertThat(server.get("/robots.txt").body()).contains("Disallow: /search/").contains("Disallow: /?s=");
    }

    @Test
    void resultsArePagedTenAtATime() {
        Document first = search("pain");
        String next = first.selectFirst(".pagination a[rel=next]").attr("href");
        Document second = server.page(next);

        assertThat(resultLinks(first)).hasSize(SearchRoutes.PAGE_SIZE);
        assertThat(next).isEqualTo("/search/?q=pain&page=2");
        assertThat(resultLinks(second)).isNotEmpty().doesNotContainAnyElementsOf(resultLinks(first));
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/search/?q=pain");
    }

    @Test
    void wordpressSearchAddressLeadsToTheSearchPage() {
        HttpResponse<String> response = server.get("/?s=" + URLEncoder.encode("knee pain", StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/search/?q=knee+pain");
    }

    @Test
    void suggestionsApiAnswersTitlesAsJson() throws IOException {
        HttpResponse<String> response = server.get("/api/v1/search?q=tennis+el");
        JsonNode json = new ObjectMapper().readTree(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.get("query").asText()).isEqualTo("tennis el");
        assertThat(json.get("suggestions").get(0).get("url").asText()).isEqualTo("/tennis-elbow-lateral-epicondylitis/");
        assertThat(json.get("suggestions").get(0).get("title").asText()).containsIgnoringCase("tennis elbow");
    }

    @Test
    void headerSearchBoxWorksWithoutJavaScript() {
        Element form = server.page("/").selectFirst("header form[role=search]");

        assertThat(form.attr("action")).isEqualTo("/search/");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.selectFirst("input[type=search]").attr("name")).isEqualTo("q");
        assertThat(form.selectFirst("label[for=header-q]")).isNotNull();
    }

    @Test
    void indexFollowsPublishUpdateUnpublishAndDrafts() {
        Path file = MarkdownFiles.write(folder, "new/kyphoplasty.md",
                MarkdownFiles.article("vertebroplasty-explained", "Vertebroplasty explained", "Bone cement for a collapsed vertebra."));
        importAndCatchUp(file);
        assertThat(resultLinks(search("vertebroplasty"))).containsExactly("/vertebroplasty-explained/");

        MarkdownFiles.write(folder, "new/kyphoplasty.md", MarkdownFiles.article("vertebroplasty-explained",
                "Vertebroplasty explained", "Bone cement and a balloon: kyphoplasty."));
        importAndCatchUp(file);
        assertThat(resultLinks(search("kyphoplasty"))).containsExactly("/vertebroplasty-explained/");

        MarkdownFiles.write(folder, "new/kyphoplasty.md", MarkdownFiles.article("vertebroplasty-explained",
                "Vertebroplasty explained", "Bone cement and a balloon: kyphoplasty.").replace("summary:", "status: draft\nsummary:"));
        importAndCatchUp(file);
        assertThat(resultLinks(search("kyphoplasty"))).isEmpty();
        assertThat(resultLinks(search("vertebroplasty"))).isEmpty();
    }

    @Test
    void relatedArticlesAreSimilarPublishedAndNeverTheArticleItself() {
        Document page = server.page("/sciatica-and-disc-herniation/");
        List<String> related = page.select(".related .card-title a").eachAttr("href");

        assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(4).doesNotContain("/sciatica-and-disc-herniation/")
                .doesNotHaveDuplicates();
        assertThat(related).contains("/low-back-pain-when-to-worry/");
        assertThat(server.page("/sciatica-and-disc-herniation/").select(".related .card-title a").eachAttr("href"))
                .isEqualTo(page.select(".related .card-title a").eachAttr("href"));
    }

    @Test
    void aResultsPageAsksTheDatabaseNothingForItsHitsOrItsFrame() {
        search("back pain"); // the frame is read once after each content change
        List<String> onRequestThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.jdbi.v3.core.Jdbi jdbi = server.site().database.jdbi();
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                // Background work (statistics, the change watcher) runs on threads of its own.
                if (Thread.currentThread().getName().startsWith("JettyServerThreadPool")) {
                    onRequestThreads.add(context.getRenderedSql());
                }
            }
        });
        try {
            Document page = search("knee pain");

            assertThat(resultLinks(page)).isNotEmpty();
            assertThat(page.select(".site-title, .search-form")).isNotEmpty();
            assertThat(onRequestThreads).as("statements run while the page was made").isEmpty();
        } finally {
            jdbi.setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
        }
    }

    private static void importAndCatchUp(Path file) {
        assertThat(server.site().importer.importPaths(List.of(file), false).problems()).isEmpty();
        server.server().refreshCache();
    }
}
