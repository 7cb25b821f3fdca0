package org.vertebra.feed;

import static org.vertebra.feed.XmlDocument.element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** RSS 2.0, with the full article in content:encoded and its author in dc:creator, as WordPress writes it. */
final class RssWriter {

    static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private RssWriter() {
    }

    static byte[] write(Feed feed) {
        return XmlDocument.write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            element(xml, "title", feed.title());
            element(xml, "link", feed.pageUrl());
            element(xml, "description", feed.description());
            element(xml, "language", feed.language());
            element(xml, "lastBuildDate", rfc822(feed.updated()));
            xml.writeEmptyElement(ATOM, "link");
            xml.writeAttribute("href", feed.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (FeedEntry entry : feed.entries()) {
                item(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void item(XMLStreamWriter xml, FeedEntry entry) throws XMLStreamException {
        xml.writeStartElement("item");
        element(xml, "title", entry.title());
        element(xml, "link", entry.url());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "true");
        xml.writeCharacters(entry.url());
        xml.writeEndElement();
        element(xml, "pubDate", rfc822(entry.published()));
        element(xml, DC, "creator", entry.author());
        for (String category : entry.categories()) {
            element(xml, "category", category);
        }
        element(xml, "description", entry.summary());
        element(xml, CONTENT, "encoded", entry.contentHtml());
        xml.writeEndElement();
    }

    private static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
