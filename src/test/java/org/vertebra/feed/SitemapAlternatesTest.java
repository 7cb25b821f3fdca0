package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TranslatedArticles;

/**
 * The sitemap names each translation's alternates as Google reads them from a sitemap: under each
 * {@code <url>} of a group, an {@code xhtml:link rel="alternate" hreflang} for every public member,
 * itself included, and x-default; the same set the pages' heads carry. A group cut across sitemap
 * files keeps its whole set in each.
 */
class SitemapAlternatesTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachAddressOfAGroupListsEveryPublicMemberAndXDefault(TestDatabase database) throws Exception {
        try (TestServer server = TestServer.empty(database, Files.createDirectories(temp.resolve("site")),
                TestClock.at("2026-03-02T09:00:00Z"))) {
            TranslatedArticles.importInto(server, temp.resolve("md"));
            String base = server.site().settings.baseUrl();
            Map<String, String> group = new TreeMap<>(Map.of(
                    "en", base + TranslatedArticles.ENGLISH,
                    "es", base + TranslatedArticles.SPANISH,
                    "hi", base + TranslatedArticles.HINDI,
                    "x-default", base + TranslatedArticles.ENGLISH));

            String body = server.get("/sitemap.xml").body();
            assertThat(body).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
            Map<String, Map<String, String>> urls = alternatesByLocation(body);
            for (String path : new String[] {TranslatedArticles.ENGLISH, TranslatedArticles.SPANISH, TranslatedArticles.HINDI}) {
                assertThat(urls.get(base + path)).as(path).isEqualTo(group);
            }
            assertThat(urls.get(base + TranslatedArticles.ALONE)).as("an article alone").isEmpty();
            assertThat(urls).doesNotContainKeys(base + TranslatedArticles.FRENCH_DRAFT, base + TranslatedArticles.GERMAN_SCHEDULED);
            assertThat(body).doesNotContain(TranslatedArticles.FRENCH_DRAFT, TranslatedArticles.GERMAN_SCHEDULED);

            // Files of two addresses: the home page and the members fall in different files, each with the whole set.
            FeedService feeds = new FeedService(server.site().articles, server.site().authors, server.site().taxonomy,
                    () -> "Test", base);
            Map<String, Map<String, String>> split = new HashMap<>();
            for (int n = 1; ; n++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!feeds.writeSitemapFile(2, n, out)) {
                    break;
                }
                split.putAll(alternatesByLocation(out.toString(StandardCharsets.UTF_8)));
            }
            assertThat(split).isEqualTo(urls);
        }
    }

    private static Map<String, Map<String, String>> alternatesByLocation(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        Map<String, Map<String, String>> byLocation = new HashMap<>();
        for (Element url : document.select("urlset > url")) {
            Map<String, String> links = new TreeMap<>();
            url.getElementsByTag("xhtml:link").forEach(l -> {
                assertThat(l.attr("rel")).isEqualTo("alternate");
                links.put(l.attr("hreflang"), l.attr("href"));
            });
            byLocation.put(url.selectFirst("loc").text(), links);
        }
        return byLocation;
    }
}
