package org.vertebra.feed;

import static org.vertebra.feed.XmlDocument.element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Sitemap files and the sitemap index (sitemaps.org 0.9), with the time each page last changed. */
final class SitemapWriter {

    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    record Url(String location, Instant lastModified) {
    }

    private SitemapWriter() {
    }

    /** A sitemap file: {@code <urlset>} of {@code <url>}. */
    static byte[] write(List<Url> urls) {
        return write("urlset", "url", urls);
    }

    /** A sitemap index: {@code <sitemapindex>} of {@code <sitemap>}, each a sitemap file's address. */
    static byte[] writeIndex(List<Url> files) {
        return write("sitemapindex", "sitemap", files);
    }

    private static byte[] write(String root, String entry, List<Url> urls) {
        return XmlDocument.write(xml -> {
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, root);
            xml.writeDefaultNamespace(NAMESPACE);
            for (Url url : urls) {
                xml.writeStartElement(entry);
                element(xml, "loc", url.location());
                element(xml, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        url.lastModified().atOffset(ZoneOffset.UTC).withNano(0)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }
}
