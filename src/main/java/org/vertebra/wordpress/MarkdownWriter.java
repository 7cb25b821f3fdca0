package org.vertebra.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.vertebra.content.PlayerHtml;

/**
 * Writes the HTML of a WordPress post as CommonMark with GFM tables: paragraphs, headings, lists,
 * images (a captioned one as a figure), tables, quotes, rules, code, links. Text is escaped, so
 * what the post said shows as text; anything without a Markdown form keeps only its text. Images
 * and links into the old uploads folder point at the media library.
 */
final class MarkdownWriter {

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "form", "input", "button",
            "select", "textarea", "object", "embed", "svg", "head", "title", "meta", "link");

    private final UploadLinks uploads;
    private final List<String> outsideImages = new ArrayList<>();
    private final List<String> outsideFiles = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    MarkdownWriter(UploadLinks uploads) {
        this.uploads = uploads;
    }

    /** Addresses of images that are not in the media library (kept as links). */
    List<String> outsideImages() {
        return List.copyOf(outsideImages);
    }

    /** Addresses of audio and video files that are not in the media library (kept as links). */
    List<String> outsideFiles() {
        return List.copyOf(outsideFiles);
    }

    String write(Element body) {
        blocks(body, "");
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    /** The block-level children of a container, each followed by a blank line; {@code prefix} starts each line. */
    private void blocks(Element container, String prefix) {
        StringBuilder inline = new StringBuilder();
        for (Node node : container.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flushParagraph(inline, prefix);
                block(e, prefix);
            } else {
                inline.append(inline(node, false));
            }
        }
        flushParagraph(inline, prefix);
    }

    private void flushParagraph(StringBuilder inline, String prefix) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            paragraph(text, prefix);
        }
    }

    private void paragraph(String text, String prefix) {
        emit(prefix, text);
    }

    private void emit(String prefix, String text) {
        for (String line : text.split("\n", -1)) {
            out.append(prefix).append(line).append('\n');
        }
        out.append(prefix.stripTrailing()).append('\n');
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "hr", "pre", "figure", "div",
                 "section", "article", "aside", "header", "footer", "nav", "iframe", "dl", "details", "address", "audio",
                 "video" -> true;
            default -> DROPPED.contains(e.normalName());
        };
    }

    private void block(Element e, String prefix) {
        String name = e.normalName();
        if (DROPPED.contains(name)) {
            return;
        }
        switch (name) {
            case "p" -> paragraphOrVideo(e, prefix);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inlineOf(e).strip();
                if (!text.isEmpty()) {
                    emit(prefix, "#".repeat(name.charAt(1) - '0') + " " + text.replace('\n', ' '));
                }
            }
            case "ul", "ol" -> {
                if (e.hasClass("wp-block-gallery")) {
                    gallery(e, prefix); // the gallery block of WordPress 5.0 to 5.2, a list without a figure
                } else {
                    list(e, prefix, "");
                }
            }
            case "audio", "video" -> player(e, "", prefix);
            case "table" -> table(e, prefix);
            case "blockquote" -> quote(e, prefix);
            case "hr" -> emit(prefix, "---");
            case "pre" -> emit(prefix, "```\n" + e.wholeText().replace("```", "'''").stripTrailing() + "\n```");
            case "figure" -> figure(e, prefix);
            case "iframe" -> VideoLinks.canonical(e.attr("src")).ifPresent(url -> emit(prefix, url));
            default -> blocks(e, prefix);
        }
    }

    /** A paragraph that holds only a YouTube or Vimeo address (or link) becomes that address alone. */
    private void paragraphOrVideo(Element p, String prefix) {
        String text = p.text().strip();
        Optional<String> video = VideoLinks.canonical(text);
        if (video.isEmpty() && p.children().size() == 1 && p.child(0).normalName().equals("a")
                && p.child(0).text().strip().equals(text)) {
            video = VideoLinks.canonical(p.child(0).attr("href"));
        }
        if (video.isPresent()) {
            emit(prefix, video.get());
            return;
        }
        String markdown = inlineOf(p).strip();
        if (!markdown.isEmpty()) {
            emit(prefix, markdown);
        }
    }

    private void list(Element list, String prefix, String indent) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered && list.hasAttr("start") ? parseStart(list.attr("start")) : 1;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            StringBuilder text = new StringBuilder();
            List<Element> nested = new ArrayList<>();
            for (Node node : item.childNodes()) {
                if (node instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    nested.add(e);
                } else if (node instanceof Element e && e.normalName().equals("p")) {
                    text.append(inlineOf(e)).append(' ');
                } else {
                    text.append(inline(node, false));
                }
            }
            out.append(prefix).append(indent).append(marker).append(text.toString().strip().replace("\n", " ")).append('\n');
            for (Element sub : nested) {
                list(sub, prefix, indent + " ".repeat(marker.length()));
            }
        }
        if (indent.isEmpty()) {
            out.append(prefix.stripTrailing()).append('\n');
        }
    }

    private static int parseStart(String start) {
        try {
            return Math.max(0, Integer.parseInt(start.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void table(Element table, String prefix) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(inlineOf(cell).strip().replace("\n", " ").replace("|", "\\|"));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder t = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>(rows.get(r));
            while (cells.size() < columns) {
                cells.add("");
            }
            t.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (r == 0) {
                t.append("|").append(" --- |".repeat(columns)).append('\n');
            }
        }
        emit(prefix, t.toString().stripTrailing());
    }

    private void quote(Element quote, String prefix) {
        Element copy = quote.clone();
        List<String> cites = copy.select("cite").eachText();
        copy.select("cite").remove();
        blocks(copy, prefix + "> ");
        for (String cite : cites) {
            emit(prefix + "> ", "\u2014 " + escape(cite));
        }
    }

    /** A figure: a table, an embed, or an image with its caption (as HTML around the Markdown image). */
    private void figure(Element figure, String prefix) {
        if (figure.hasClass("wp-block-gallery")) {
            gallery(figure, prefix);
            return;
        }
        Element player = figure.selectFirst("audio, video");
        if (player != null) {
            Element caption = figure.selectFirst("figcaption");
            player(player, caption == null ? "" : caption.text().strip(), prefix);
            return;
        }
        Element table = figure.selectFirst("table");
        if (table != null) {
            table(table, prefix);
            return;
        }
        Optional<String> video = VideoLinks.canonical(figure.text());
        if (video.isPresent() && figure.selectFirst("img") == null) {
            emit(prefix, video.get());
            return;
        }
        Element img = figure.selectFirst("img");
        Element caption = figure.selectFirst("figcaption");
        if (img == null) {
            blocks(figure, prefix);
            return;
        }
        String image = image(img);
        String captionText = caption == null ? "" : caption.text().strip();
        if (captionText.isEmpty()) {
            emit(prefix, image);
            return;
        }
        // The renderer keeps figure and figcaption; the image between them stays Markdown, so it
        // gets the library's sizes and srcset like any other.
        emit(prefix, "<figure>");
        emit(prefix, image);
        emit(prefix, "<figcaption>" + Entities.escape(captionText) + "</figcaption>\n</figure>");
    }

    /**
     * A gallery (the block in its nested-image and list forms, or a [gallery] shortcode made into
     * one) as Vertebra writes one: a figure of class {@code gallery} holding a figure per image,
     * each a Markdown image and its caption, then the gallery's own caption. See docs/galleries.md.
     */
    private void gallery(Element gallery, String prefix) {
        emit(prefix, "<figure class=\"gallery gallery-columns-" + MediaBlocks.columns(gallery) + "\">");
        for (Element img : gallery.select("img")) {
            String image = image(img);
            if (image.isEmpty()) {
                continue;
            }
            Element own = img.closest("figure");
            Element caption = own == null || own == gallery ? null : own.selectFirst("figcaption");
            String captionText = caption == null ? "" : caption.text().strip();
            emit(prefix, "<figure>");
            emit(prefix, image);
            emit(prefix, (captionText.isEmpty() ? "" : "<figcaption>" + Entities.escape(captionText) + "</figcaption>\n") + "</figure>");
        }
        String caption = gallery.children().stream().filter(c -> c.normalName().equals("figcaption"))
                .map(c -> c.text().strip()).findFirst().orElse("");
        emit(prefix, (caption.isEmpty() ? "" : "<figcaption>" + Entities.escape(caption) + "</figcaption>\n") + "</figure>");
    }

    /**
     * An {@code <audio>} or {@code <video>} whose files are in the media library, as one HTML block
     * that the renderer keeps (a native player with a link to the file inside, for a browser that
     * has none); a file elsewhere stays a link, since pages load nothing from other hosts.
     */
    private void player(Element media, String caption, String prefix) {
        List<String> sources = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (String src : MediaBlocks.sourcesOf(media)) {
            Optional<String> library = libraryAddress(src);
            if (library.isPresent()) {
                sources.add(library.get());
            } else if (safe(src)) {
                elsewhere.add(src);
            }
        }
        String kind = media.normalName();
        String words = caption.isEmpty() ? (kind.equals("audio") ? "Listen to the recording" : "Watch the video") : caption;
        if (sources.isEmpty()) {
            if (!elsewhere.isEmpty()) {
                outsideFiles.add(elsewhere.get(0));
                emit(prefix, "[" + escape(words) + "](" + destination(elsewhere.get(0)) + ")");
            }
            return;
        }
        Optional<String> poster = libraryAddress(media.attr("poster").strip());
        emit(prefix, PlayerHtml.figure(kind, sources, poster.orElse(null), caption));
    }

    /** The library's address for a file: already one ({@code /media/...}, from a shortcode), or one of the old uploads. */
    private Optional<String> libraryAddress(String src) {
        return src.startsWith("/media/") ? Optional.of(src) : uploads.libraryUrl(src);
    }

    private String inlineOf(Element e) {
        StringBuilder text = new StringBuilder();
        for (Node node : e.childNodes()) {
            text.append(inline(node, false));
        }
        return text.toString();
    }

    private String inline(Node node, boolean inLink) {
        if (node instanceof TextNode text) {
            return escape(text.getWholeText().replaceAll("\\s+", " "));
        }
        if (!(node instanceof Element e)) {
            return "";
        }
        String name = e.normalName();
        if (DROPPED.contains(name)) {
            return "";
        }
        return switch (name) {
            case "br" -> "\n";
            case "strong", "b" -> wrap("**", inlineOf(e));
            case "em", "i", "cite" -> wrap("*", inlineOf(e));
            case "del", "s", "strike" -> wrap("~~", inlineOf(e));
            case "code" -> "`" + e.text().replace("`", "'") + "`";
            case "img" -> image(e);
            case "a" -> link(e, inLink);
            case "iframe" -> VideoLinks.canonical(e.attr("src")).orElse("");
            default -> inlineOf(e);
        };
    }

    private static String wrap(String marker, String text) {
        String inner = text.strip();
        if (inner.isEmpty()) {
            return text;
        }
        String lead = text.startsWith(" ") ? " " : "";
        String trail = text.endsWith(" ") ? " " : "";
        return lead + marker + inner + marker + trail;
    }

    private String link(Element a, boolean inLink) {
        String text = inlineOf(a);
        String href = a.attr("href").strip();
        Element onlyImage = a.children().size() == 1 && a.text().isBlank() ? a.child(0) : null;
        if (onlyImage != null && onlyImage.normalName().equals("img") && UploadLinks.pointsIntoUploads(href)) {
            return text; // the link to the full-size file: the library's page image already offers it
        }
        if (inLink || href.isEmpty() || !safe(href)) {
            return text;
        }
        String target = uploads.libraryUrl(href).orElse(href);
        return "[" + text.strip() + "](" + destination(target) + ")";
    }

    private String image(Element img) {
        String src = img.attr("src").strip();
        if (src.isEmpty() || !safe(src)) {
            return "";
        }
        Optional<String> library = libraryAddress(src);
        String alt = escape(img.attr("alt").strip()).replace("\n", " ");
        if (library.isEmpty()) {
            // Pages load nothing from other hosts: an image that is not in the library stays a link to where it was.
            outsideImages.add(src);
            return "[" + (alt.isEmpty() ? "image" : alt) + "](" + destination(src) + ")";
        }
        return "![" + alt + "](" + destination(library.get()) + ")";
    }

    private static boolean safe(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("/") || lower.startsWith("#")
                || lower.startsWith("mailto:") || !lower.matches("^[a-z][a-z0-9+.-]*:.*");
    }

    private static String destination(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }

    /** Text as Markdown shows it literally: its punctuation that Markdown would read is escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean atWordEdge = i == 0 || i == text.length() - 1 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(text.charAt(i + 1));
            switch (c) {
                case '\\', '`', '*', '[', ']', '<', '>', '|', '~' -> escaped.append('\\').append(c);
                case '_' -> escaped.append(atWordEdge ? "\\_" : "_");
                case '#', '+', '-', '=' -> escaped.append(escaped.toString().isBlank() ? "\\" + c : String.valueOf(c));
                case '&' -> escaped.append(text.startsWith("&", i) && text.substring(i).matches("(?s)^&[#a-zA-Z0-9]+;.*") ? "&amp;" : "&");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
