package org.vertebra.wordpress;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2, from Tools > Export) as a stream with StAX: one author,
 * term or item at a time is in memory, never the document, so a file of any size reads in bounded
 * memory. Malformed XML stops the reading with a {@link WxrProblem} that says where.
 */
final class WxrReader {

    /** What the reader finds, in the file's order. */
    interface Visitor {
        /** The old site's name, from the channel's title. */
        default void siteTitle(String title) {
        }

        /** The old site's home address ({@code wp:base_blog_url}), to tell its own links from others. */
        default void siteAddress(String address) {
        }

        default void author(WxrAuthor author) {
        }

        default void term(WxrTerm term) {
        }

        default void item(WxrItem item) {
        }

        /** Text between elements, which WordPress never means: ignored, and told here with its line. */
        default void strayText(int line, String text) {
        }

        /** An element this reader does not know, by its usual name (a plug-in's, a newer WXR's): ignored. */
        default void unknownElement(String name) {
        }
    }

    /** WordPress writes http://, WordPress.com and some self-hosted versions https://: both are exports. */
    private static final Pattern WP = Pattern.compile("^https?://wordpress\\.org/export/");
    private static final Set<String> NESTED_IN_COMMENT = Set.of("wp:commentmeta");
    /** What an export's channel holds besides authors, terms and items; read or not needed. */
    private static final Set<String> KNOWN_IN_CHANNEL = Set.of("link", "description", "pubDate", "language", "generator", "image",
            "wp:base_site_url", "wp:term", "cloud", "ttl", "copyright", "lastBuildDate", "docs", "managingEditor", "webMaster",
            "atom:link", "site");
    /** What an item of an export holds: the fields this reader uses, and the others WordPress writes. */
    private static final Set<String> KNOWN_IN_ITEM = Set.of("wp:post_id", "wp:post_type", "wp:status", "title", "link",
            "wp:post_name", "dc:creator", "content:encoded", "excerpt:encoded", "wp:post_date", "wp:post_date_gmt",
            "wp:post_parent", "wp:attachment_url", "wp:menu_order", "wp:post_password", "wp:is_sticky",
            "pubDate", "guid", "description", "wp:post_modified", "wp:post_modified_gmt", "wp:comment_status", "wp:ping_status");

    private final XMLInputFactory factory;
    private long bytesRead;
    private Visitor visitor = new Visitor() {
    };

    WxrReader() {
        factory = XMLInputFactory.newInstance();
        // An export never needs a DTD; refusing them shuts out entity expansion and external files.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    void read(Path file, Visitor visitor) {
        read(file, visitor, bytes -> {
        });
    }

    /** As {@link #read(Path, Visitor)}, telling {@code progress} how many bytes are read after each item. */
    void read(Path file, Visitor visitor, java.util.function.LongConsumer progress) {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, visitor, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #read(Path, Visitor, java.util.function.LongConsumer)}, from bytes already open (the fuzz test's). */
    void read(InputStream input, Visitor visitor, java.util.function.LongConsumer progress) {
        try (InputStream in = new Counting(new BufferedInputStream(input, 1 << 16))) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                readDocument(xml, visitor, progress);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new WxrProblem(at == null ? 0 : Math.max(0, at.getLineNumber()), at == null ? 0 : Math.max(0, at.getColumnNumber()),
                    "not well-formed XML (truncated or damaged?): " + message.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readDocument(XMLStreamReader xml, Visitor visitor, java.util.function.LongConsumer progress)
            throws XMLStreamException {
        this.visitor = visitor;
        xml.nextTag();
        if (!"rss".equals(xml.getLocalName())) {
            throw problem(xml, "not a WordPress export: the document is <" + xml.getLocalName()
                    + ">, where an export (WXR) is <rss> with a <channel>");
        }
        boolean channel = false;
        boolean wordpress = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS && channel && !xml.isWhiteSpace() && !xml.getText().isBlank()) {
                visitor.strayText(xml.getLocation().getLineNumber(), xml.getText().strip());
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = name(xml);
            switch (name) {
                case "channel" -> channel = true;
                case "title" -> visitor.siteTitle(elementText(xml).strip());
                case "wp:base_blog_url" -> visitor.siteAddress(elementText(xml).strip());
                case "wp:wxr_version" -> {
                    wordpress = true;
                    xml.getElementText();
                }
                case "wp:author" -> visitor.author(author(children(xml, Set.of())));
                case "wp:category" -> visitor.term(term(WxrTerm.Kind.CATEGORY, children(xml, Set.of())));
                case "wp:tag" -> visitor.term(term(WxrTerm.Kind.TAG, children(xml, Set.of())));
                case "wp:term" -> customTerm(children(xml, Set.of())).ifPresent(visitor::term);
                case "item" -> {
                    requireExport(xml, channel, wordpress);
                    visitor.item(item(xml));
                    progress.accept(bytesRead);
                }
                default -> {
                    if (!KNOWN_IN_CHANNEL.contains(name)) {
                        visitor.unknownElement(name);
                    }
                    if (channel) {
                        skip(xml);
                    }
                }
            }
        }
        requireExport(xml, channel, wordpress);
    }

    private static void requireExport(XMLStreamReader xml, boolean channel, boolean wordpress) {
        if (!channel || !wordpress) {
            throw problem(xml, "not a WordPress export: an RSS feed without <wp:wxr_version>; export the site "
                    + "with Tools > Export in WordPress's admin");
        }
    }

    private static WxrAuthor author(Map<String, String> f) {
        return new WxrAuthor(number(f.get("wp:author_id")), text(f.get("wp:author_login")), text(f.get("wp:author_email")),
                HtmlText.of(f.get("wp:author_display_name")), HtmlText.of(f.get("wp:author_first_name")),
                HtmlText.of(f.get("wp:author_last_name")));
    }

    private static WxrTerm term(WxrTerm.Kind kind, Map<String, String> f) {
        return kind == WxrTerm.Kind.CATEGORY
                ? new WxrTerm(kind, number(f.get("wp:term_id")), text(f.get("wp:category_nicename")), HtmlText.of(f.get("wp:cat_name")),
                        text(f.get("wp:category_parent")), text(f.get("wp:category_description")))
                : new WxrTerm(kind, number(f.get("wp:term_id")), text(f.get("wp:tag_slug")), HtmlText.of(f.get("wp:tag_name")), "",
                        text(f.get("wp:tag_description")));
    }

    /** A term of another taxonomy: Polylang's languages and translation groups are read; the others are not needed. */
    private static java.util.Optional<WxrTerm> customTerm(Map<String, String> f) {
        WxrTerm.Kind kind = switch (text(f.get("wp:term_taxonomy"))) {
            case "language" -> WxrTerm.Kind.LANGUAGE;
            case "post_translations" -> WxrTerm.Kind.TRANSLATIONS;
            default -> null;
        };
        return kind == null ? java.util.Optional.empty() : java.util.Optional.of(new WxrTerm(kind, number(f.get("wp:term_id")),
                text(f.get("wp:term_slug")), HtmlText.of(f.get("wp:term_name")), "", text(f.get("wp:term_description"))));
    }

    private WxrItem item(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        String menu = "";
        String language = "";
        String translationGroup = "";
        Map<String, List<String>> meta = new LinkedHashMap<>();
        List<WxrComment> comments = new ArrayList<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = name(xml);
            switch (name) {
                case "category" -> {
                    String domain = text(xml.getAttributeValue(null, "domain"));
                    String nicename = text(xml.getAttributeValue(null, "nicename"));
                    String label = HtmlText.of(elementText(xml)).strip();
                    if (domain.equals("category")) {
                        categories.add(nicename);
                    } else if (domain.equals("post_tag")) {
                        tags.put(nicename, label);
                    } else if (domain.equals("nav_menu")) {
                        menu = label;
                    } else if (domain.equals("language")) {
                        language = nicename;
                    } else if (domain.equals("post_translations")) {
                        translationGroup = nicename;
                    }
                }
                case "wp:postmeta" -> {
                    Map<String, String> m = children(xml, Set.of());
                    meta.computeIfAbsent(text(m.get("wp:meta_key")), k -> new ArrayList<>()).add(text(m.get("wp:meta_value")));
                }
                case "wp:comment" -> comments.add(comment(children(xml, NESTED_IN_COMMENT)));
                default -> {
                    if (!KNOWN_IN_ITEM.contains(name)) {
                        visitor.unknownElement(name);
                    }
                    f.put(name, elementText(xml));
                }
            }
        }
        return new WxrItem(line, number(f.get("wp:post_id")), text(f.get("wp:post_type")), text(f.get("wp:status")),
                HtmlText.of(f.get("title")).strip(), text(f.get("link")), text(f.get("wp:post_name")), text(f.get("dc:creator")),
                text(f.get("content:encoded")), HtmlText.of(f.get("excerpt:encoded")), text(f.get("wp:post_date")),
                text(f.get("wp:post_date_gmt")), number(f.get("wp:post_parent")), text(f.get("wp:attachment_url")),
                categories, tags, menu, (int) number(f.get("wp:menu_order")), meta, comments,
                !text(f.get("wp:post_password")).isEmpty(), number(f.get("wp:is_sticky")) == 1, language, translationGroup);
    }

    private static WxrComment comment(Map<String, String> f) {
        return new WxrComment(number(f.get("wp:comment_id")), text(f.get("wp:comment_author")),
                text(f.get("wp:comment_author_email")), text(f.get("wp:comment_date_gmt")), text(f.get("wp:comment_content")),
                text(f.get("wp:comment_approved")), text(f.get("wp:comment_type")), number(f.get("wp:comment_parent")),
                number(f.get("wp:comment_user_id")));
    }

    /** The text children of the element the reader is on, by name; {@code nested} elements are skipped. */
    private Map<String, String> children(XMLStreamReader xml, Set<String> nested) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = name(xml);
            if (nested.contains(name)) {
                skip(xml);
            } else {
                fields.put(name, elementText(xml));
            }
        }
        return fields;
    }

    /** The text of an element expected to hold only text; an element inside it is skipped. */
    private static String elementText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT -> throw problem(xml, "the file ends inside an element");
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        elementText(xml);
    }

    /**
     * The next start or end tag, as {@link XMLStreamReader#nextTag} but tolerant: text between
     * elements (a stray character that some plug-ins leave after {@code </wp:is_sticky>}) is
     * well-formed XML, so it is passed over and told to the visitor instead of stopping the import.
     */
    private int nextTag(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!xml.isWhiteSpace() && !xml.getText().isBlank()) {
                        visitor.strayText(xml.getLocation().getLineNumber(), xml.getText().strip());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw problem(xml, "the file ends inside an element");
                default -> {
                }
            }
        }
    }

    /** The element's name with the export's usual prefix for its namespace, whatever prefix the file used. */
    private static String name(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (uri == null || uri.isEmpty()) {
            return local;
        }
        if (WP.matcher(uri).lookingAt()) {
            return (uri.contains("/excerpt") ? "excerpt:" : "wp:") + local;
        }
        String plain = uri.replaceFirst("^https://", "http://");
        if (plain.startsWith("http://purl.org/rss/1.0/modules/content")) {
            return "content:" + local;
        }
        if (plain.startsWith("http://purl.org/dc/elements")) {
            return "dc:" + local;
        }
        if (plain.startsWith("http://www.w3.org/2005/Atom")) {
            return "atom:" + local;
        }
        return xml.getPrefix() == null || xml.getPrefix().isEmpty() ? local : xml.getPrefix() + ":" + local;
    }

    /** A problem where the reader is; at the end of the document StAX knows no place (-1), and 0 says so. */
    private static WxrProblem problem(XMLStreamReader xml, String message) {
        Location at = xml.getLocation();
        return new WxrProblem(Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()), message);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A whole number of the export; 0 when empty or not a number (WordPress ids start at 1). */
    static long number(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Counts the bytes read, for the progress bar: the position in the file, so bytes read again
     * after a reset to a mark are not counted twice and skipped bytes count (found by fuzzing: a
     * parser that marks and resets made the progress pass the file's size).
     */
    private final class Counting extends FilterInputStream {
        private long marked;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public synchronized void mark(int readLimit) {
            super.mark(readLimit);
            marked = bytesRead;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            bytesRead = marked;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            bytesRead += Math.max(0, skipped);
            return skipped;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }
}
