package org.vertebra.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TranslatedArticles;

/**
 * Each language other than the site's that public articles are written in has its home, pages,
 * feed and category archives under /TAG/; the site's own home, feed and category archives list the
 * site's language only. An article whose slug is a language's tag keeps its address.
 */
class LanguageHomesTest {

    @TempDir
    Path temp;

    private TestServer start(TestDatabase database) throws Exception {
        TestServer server = TestServer.empty(database, Files.createDirectories(temp.resolve("site")),
                TestClock.at("2026-03-02T09:00:00Z"));
        TranslatedArticles.importInto(server, temp.resolve("md"));
        return server;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void spanishArticlesHaveTheirOwnHomeFeedAndCategoryArchiveAndTheSiteOnesLeaveThemOut(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            Document home = server.page("/");
            assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(cardLinks(home)).contains(TranslatedArticles.ENGLISH, TranslatedArticles.ALONE)
                    .doesNotContain(TranslatedArticles.SPANISH, TranslatedArticles.HINDI);
            assertThat(cardLinks(server.page("/category/spine/"))).contains(TranslatedArticles.ENGLISH)
                    .doesNotContain(TranslatedArticles.SPANISH, TranslatedArticles.HINDI);
            String siteFeed = server.get("/feed/").body();
            assertThat(siteFeed).contains(TranslatedArticles.ENGLISH, "<language>en</language>")
                    .doesNotContain(TranslatedArticles.SPANISH);
            assertThat(server.get("/category/spine/feed/").body()).doesNotContain(TranslatedArticles.SPANISH);

            Document spanish = server.page("/es/");
            assertThat(spanish.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(spanish.selectFirst("h1").text()).isEqualTo("Artículos recientes");
            assertThat(cardLinks(spanish)).containsExactly(TranslatedArticles.SPANISH);
            assertThat(spanish.selectFirst("link[rel=canonical]").attr("href")).endsWith("/es/");

            Document spanishCategory = server.page("/es/category/spine/");
            assertThat(spanishCategory.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(cardLinks(spanishCategory)).containsExactly(TranslatedArticles.SPANISH);
            assertThat(server.get("/es/category/no-such-category/").statusCode()).isEqualTo(404);
            assertThat(server.get("/es/page/2/").statusCode()).as("one page only").isEqualTo(404);
            assertThat(server.get("/es/page/1/").statusCode()).isEqualTo(301);

            HttpResponse<String> feed = server.get("/es/feed/");
            assertThat(feed.statusCode()).isEqualTo(200);
            Document rss = Jsoup.parse(feed.body(), "", Parser.xmlParser());
            assertThat(rss.selectFirst("channel > language").text()).isEqualTo("es");
            assertThat(rss.selectFirst("channel > description").text()).startsWith("Los artículos más recientes de");
            assertThat(rss.select("item > link").eachText()).hasSize(1).allSatisfy(l -> assertThat(l).endsWith(TranslatedArticles.SPANISH));

            // Hindi has no bundle: its home speaks English around Hindi articles, and says it is Hindi.
            Document hindi = server.page("/hi/");
            assertThat(hindi.selectFirst("html").attr("lang")).isEqualTo("hi");
            assertThat(cardLinks(hindi)).containsExactly(TranslatedArticles.HINDI);

            // A draft or scheduled translation gives its language no home; the site's language has no second one.
            for (String path : List.of("/fr/", "/de/", "/en/", "/fr/feed/", "/en/page/2/", "/xx/", "/ES/")) {
                assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReadersAcceptLanguageNeverRedirectsThem(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(server.uri("/")).header("Accept-Language", "es-ES,es;q=0.9").build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(response.body()).selectFirst("html").attr("lang")).isEqualTo("en");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anArticleWhoseSlugIsALanguageTagKeepsItsAddressOverThatLanguagesHome(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            MarkdownFiles.write(temp.resolve("more"), "hi.md", MarkdownFiles.article("hi", "Hi, and welcome", "Welcome to the clinic.")
                    .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\""));
            assertThat(server.site().importer.importPaths(List.of(temp.resolve("more")), false).problems()).isEmpty();
            server.server().refreshCache();

            Document article = server.page("/hi/");
            assertThat(article.selectFirst("h1.entry-title").text()).isEqualTo("Hi, and welcome");
            assertThat(article.selectFirst("html").attr("lang")).isEqualTo("en");
            // The Hindi home's other addresses still answer.
            assertThat(server.get("/hi/feed/").body()).contains(TranslatedArticles.HINDI);
            assertThat(server.page("/hi/category/spine/").select("a[href=" + TranslatedArticles.HINDI + "]")).isNotEmpty();
            // The Spanish home, whose tag no article has, is unchanged.
            assertThat(cardLinks(server.page("/es/"))).containsExactly(TranslatedArticles.SPANISH);
        }
    }

    private static List<String> cardLinks(Document page) {
        return page.select("main .card-list .card-title a").eachAttr("href").stream().distinct()
                .filter(href -> href.matches("/[^/]+/")).toList();
    }
}
