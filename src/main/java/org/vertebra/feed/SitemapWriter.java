package org.vertebra.feed;

import static org.vertebra.feed.XmlDocument.element;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Sitemap files and the sitemap index (sitemaps.org 0.9), with the time each page last changed. */
final class SitemapWriter {

    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** @param alternates the address in other languages (hreflang), each as an xhtml:link; empty for most */
    record Url(String location, Instant lastModified, List<Alternate> alternates) {
        Url(String location, Instant lastModified) {
            this(location, lastModified, List.of());
        }
    }

    record Alternate(String hreflang, String href) {
    }

    private SitemapWriter() {
    }

    /**
     * A sitemap file, {@code <urlset>} of {@code <url>}, written to {@code out} as {@code addresses}
     * hands each one over: 50,000 of them are never held together.
     */
    static void write(OutputStream out, Consumer<Consumer<Url>> addresses) {
        write(out, "urlset", "url", addresses);
    }

    /** A sitemap index: {@code <sitemapindex>} of {@code <sitemap>}, each a sitemap file's address. */
    static void writeIndex(OutputStream out, List<Url> files) {
        write(out, "sitemapindex", "sitemap", files::forEach);
    }

    private static void write(OutputStream out, String root, String entry, Consumer<Consumer<Url>> urls) {
        XmlDocument.write(out, xml -> {
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, root);
            xml.writeDefaultNamespace(NAMESPACE);
            if (root.equals("urlset")) {
                xml.writeNamespace("xhtml", XHTML);
            }
            urls.accept(url -> entry(xml, entry, url));
            xml.writeEndElement();
        });
    }

    private static void entry(XMLStreamWriter xml, String entry, Url url) {
        try {
            xml.writeStartElement(entry);
            element(xml, "loc", url.location());
            element(xml, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    url.lastModified().atOffset(ZoneOffset.UTC).withNano(0)));
            for (Alternate alternate : url.alternates()) {
                xml.writeEmptyElement("xhtml", "link", XHTML);
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("hreflang", alternate.hreflang());
                xml.writeAttribute("href", alternate.href());
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }
}
