package org.vertebra.feed;

import static org.vertebra.feed.XmlDocument.element;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Atom (RFC 4287): every entry with id, title, dates, author, summary and the full article as HTML. */
final class AtomWriter {

    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    static byte[] write(Feed feed) {
        return XmlDocument.write(xml -> {
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            element(xml, "id", feed.selfUrl());
            element(xml, "title", feed.title());
            element(xml, "subtitle", feed.description());
            element(xml, "updated", iso(feed.updated()));
            link(xml, "alternate", "text/html", feed.pageUrl());
            link(xml, "self", "application/atom+xml", feed.selfUrl());
            for (FeedEntry entry : feed.entries()) {
                entry(xml, entry);
            }
            xml.writeEndElement();
        });
    }

    private static void entry(XMLStreamWriter xml, FeedEntry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", entry.url());
        element(xml, "title", entry.title());
        link(xml, "alternate", "text/html", entry.url());
        element(xml, "published", iso(entry.published()));
        element(xml, "updated", iso(entry.updated()));
        xml.writeStartElement("author");
        element(xml, "name", entry.author() == null ? "Unknown" : entry.author());
        xml.writeEndElement();
        for (String category : entry.categories()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", category);
        }
        element(xml, "summary", entry.summary());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlDocument.XmlText.clean(entry.contentHtml()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
