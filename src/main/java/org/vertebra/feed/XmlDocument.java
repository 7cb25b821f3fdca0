package org.vertebra.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an XML document with the JDK's streaming writer, which escapes every text and attribute. */
final class XmlDocument {

    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private XmlDocument() {
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        write(out, body);
        return out.toByteArray();
    }

    /** Writes the document to {@code out} as it goes (flushed, not closed). */
    static void write(java.io.OutputStream out, Body body) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    static void element(XMLStreamWriter xml, String namespace, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    /** Text that XML 1.0 can hold: control characters other than tab and newlines are dropped. */
    static final class XmlText {
        private XmlText() {
        }

        static String clean(String text) {
            if (isClean(text)) {
                return text; // nearly always: no copy (a feed is 20 articles' HTML)
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                    .forEach(out::appendCodePoint);
            return out.toString();
        }

        private static boolean isClean(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD || c == 0xFFFE || c == 0xFFFF) {
                    return false;
                }
            }
            return true;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
