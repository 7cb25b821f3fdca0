package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
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

    @Test
    void addressesThatFitInOneFileNeedNoIndex() {
        SitemapParts parts = new SitemapParts(5, 5);

        assertThat(parts.needsIndex()).isFalse();
        assertThat(parts.files()).isEqualTo(1);
        assertThat(parts.file(1)).isEmpty();
    }

    @Test
    void moreAddressesThanAFileHoldsAreCutIntoNumberedFilesInOrder() {
        SitemapParts parts = new SitemapParts(12, 5);

        assertThat(parts.needsIndex()).isTrue();
        assertThat(parts.files()).isEqualTo(3);
        assertThat(parts.file(1)).contains(new SitemapParts.Slice(0, 5));
        assertThat(parts.file(2)).contains(new SitemapParts.Slice(5, 5));
        assertThat(parts.file(3)).contains(new SitemapParts.Slice(10, 2));
        assertThat(parts.file(0)).isEmpty();
        assertThat(parts.file(4)).isEmpty();
    }

    @Test
    void theIndexIsASitemapIndexOfTheFilesWithTheirChanges() {
        List<SitemapWriter.Url> files = IntStream.rangeClosed(1, 3).mapToObj(n -> new SitemapWriter.Url(
                SITE + "/sitemap-" + n + ".xml", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * n))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SitemapWriter.writeIndex(out, files);
        Document index = xml(out.toByteArray());

        assertThat(index.selectFirst("sitemapindex").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(index.select("sitemapindex > sitemap > loc").eachText())
                .containsExactly(SITE + "/sitemap-1.xml", SITE + "/sitemap-2.xml", SITE + "/sitemap-3.xml");
        assertThat(index.select("sitemapindex > sitemap > lastmod").eachText())
                .containsExactly("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z");
        assertThat(index.select("url")).isEmpty();
    }

    @Test
    void theProtocolsLimitOfFiftyThousandIsTheMostAFileMayHold() {
        assertThatThrownBy(() -> new SitemapParts(1, 50_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50000");
        SitemapParts hundredThousand = new SitemapParts(100_001, SitemapParts.PROTOCOL_LIMIT);
        assertThat(hundredThousand.files()).isEqualTo(3);
        assertThat(hundredThousand.file(1).orElseThrow().count()).isEqualTo(50_000);
        assertThat(hundredThousand.file(3)).contains(new SitemapParts.Slice(100_000, 1));
    }

    @Test
    void aFileIsWrittenAsItsAddressesComeWithoutHoldingThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SitemapWriter.write(out, sink -> IntStream.rangeClosed(1, 3).forEach(i -> sink.accept(new SitemapWriter.Url(
                SITE + "/article-" + i + "/", Instant.parse("2024-01-01T00:00:00Z")))));
        Document file = xml(out.toByteArray());

        assertThat(file.select("urlset > url > loc").eachText())
                .containsExactly(SITE + "/article-1/", SITE + "/article-2/", SITE + "/article-3/");
        assertThat(file.select("urlset > url > lastmod").eachText()).containsOnly("2024-01-01T00:00:00Z");
    }

    private static Document xml(byte[] bytes) {
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
