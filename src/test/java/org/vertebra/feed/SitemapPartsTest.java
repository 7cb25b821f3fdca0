package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Sitemaps as the protocol allows them: files of at most 50,000 addresses, listed by an index. */
class SitemapPartsTest {

    private static final String SITE = "https://clinic.example";

    private static List<SitemapWriter.Url> urls(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new SitemapWriter.Url(SITE + "/article-" + i + "/",
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i))).toList();
    }

    @Test
    void addressesThatFitInOneFileNeedNoIndex() {
        SitemapParts parts = new SitemapParts(urls(5), 5);

        assertThat(parts.needsIndex()).isFalse();
        assertThat(parts.file(1)).isEmpty();
    }

    @Test
    void moreAddressesThanAFileHoldsAreCutIntoNumberedFilesInOrder() {
        SitemapParts parts = new SitemapParts(urls(12), 5);

        assertThat(parts.needsIndex()).isTrue();
        assertThat(parts.files()).isEqualTo(3);
        assertThat(parts.file(1).orElseThrow()).hasSize(5).first().extracting(SitemapWriter.Url::location)
                .isEqualTo(SITE + "/article-1/");
        assertThat(parts.file(3).orElseThrow()).extracting(SitemapWriter.Url::location)
                .containsExactly(SITE + "/article-11/", SITE + "/article-12/");
        assertThat(parts.file(0)).isEmpty();
        assertThat(parts.file(4)).isEmpty();
    }

    @Test
    void theIndexListsEachFileWithItsNewestChange() {
        Document index = xml(SitemapWriter.writeIndex(new SitemapParts(urls(12), 5).index(SITE)));

        assertThat(index.selectFirst("sitemapindex").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(index.select("sitemapindex > sitemap > loc").eachText())
                .containsExactly(SITE + "/sitemap-1.xml", SITE + "/sitemap-2.xml", SITE + "/sitemap-3.xml");
        assertThat(index.select("sitemapindex > sitemap > lastmod").eachText())
                .containsExactly("2024-01-06T00:00:00Z", "2024-01-11T00:00:00Z", "2024-01-13T00:00:00Z");
        assertThat(index.select("url")).isEmpty();
    }

    @Test
    void theProtocolsLimitOfFiftyThousandIsTheMostAFileMayHold() {
        assertThatThrownBy(() -> new SitemapParts(urls(1), 50_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50000");
        SitemapParts hundredThousand = new SitemapParts(urls(100_001), SitemapParts.PROTOCOL_LIMIT);
        assertThat(hundredThousand.files()).isEqualTo(3);
        assertThat(hundredThousand.file(1).orElseThrow()).hasSize(50_000);
        assertThat(xml(SitemapWriter.write(hundredThousand.file(3).orElseThrow())).select("urlset > url")).hasSize(1);
    }

    private static Document xml(byte[] bytes) {
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
