package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.trust.ImportDisclosure;

/**
 * The sitemap cut into files a file at a time from the database (files of 5 here, 50,000 on a
 * site): the index lists every file with its newest change, the files together hold every public
 * address once, and the rendered files are kept only while the content they show stands.
 */
class SitemapFilesTest {

    private static final String SITE = "http://vertebra.test";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theIndexListsFilesThatTogetherHoldEveryPublicAddressOnce(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 23, 1);
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            PublishedArticles articles = server.site().articles;
            server.site().articleWriter.trash(articles.published(LargeMarkdownSite.slug(5)).orElseThrow().id());
            FeedService feeds = new FeedService(articles, server.site().authors, server.site().taxonomy, () -> "Test", SITE);
            List<String> expected = new ArrayList<>(List.of(SITE + "/"));
            articles.forEachPublicAddress(0, Integer.MAX_VALUE, a -> expected.add(SITE + "/" + a.slug() + "/"));
            assertThat(expected).doesNotContain(SITE + "/" + LargeMarkdownSite.slug(5) + "/").hasSizeGreaterThan(20);

            Document index = xml(out -> feeds.writeSitemap(5, out));
            int files = (expected.size() + 4) / 5;
            assertThat(index.select("sitemapindex > sitemap > loc").eachText()).hasSize(files)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, files)
                            .mapToObj(n -> SITE + "/sitemap-" + n + ".xml").toList());
            List<String> found = new ArrayList<>();
            for (int n = 1; n <= files; n++) {
                int number = n;
                Document file = xml(out -> assertThat(feeds.writeSitemapFile(5, number, out)).isTrue());
                List<Element> urls = file.select("urlset > url");
                assertThat(urls).hasSizeBetween(1, 5);
                urls.forEach(u -> found.add(u.selectFirst("loc").text()));
                String newest = urls.stream().map(u -> u.selectFirst("lastmod").text()).max(Comparator.naturalOrder()).orElseThrow();
                assertThat(index.select("sitemapindex > sitemap > lastmod").get(n - 1).text()).as("file %d", n).isEqualTo(newest);
            }
            assertThat(found).containsExactlyElementsOf(expected);
            assertThat(feeds.writeSitemapFile(5, files + 1, new ByteArrayOutputStream())).isFalse();
            assertThat(feeds.writeSitemapFile(SitemapParts.PROTOCOL_LIMIT, 1, new ByteArrayOutputStream()))
                    .as("one file needs no numbered files").isFalse();
        }
    }

    @Test
    void aRenderedFileIsKeptUntilContentChangesAndNeverServedStaleAfter() {
        AtomicInteger renders = new AtomicInteger();
        SitemapFiles files = new SitemapFiles(number -> number > 2 ? Optional.empty()
                : Optional.of(("render " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());

        String first = text(files.get(1));
        assertThat(text(files.get(1))).isEqualTo(first);
        assertThat(renders).hasValue(1);
        assertThat(files.get(3)).isEmpty();

        files.contentChanged(7);
        assertThat(text(files.get(1))).as("rendered again, here or in the background").isNotEqualTo(first);
        files.close();
    }

    private static String text(Optional<org.vertebra.web.CachedPage> page) {
        return new String(page.orElseThrow().forClient(false).bytes(), StandardCharsets.UTF_8);
    }

    private static Document xml(java.util.function.Consumer<java.io.OutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return Jsoup.parse(out.toString(StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
