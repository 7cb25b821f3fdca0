package org.vertebra.wordpress;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A post's content (classic-editor HTML or block-editor markup) as clean Markdown in Vertebra's
 * import format. Shortcodes other than [caption] and [embed] have no meaning here: they stay in the
 * text, visible, and are named so the report can list them. The Markdown is rendered and sanitized
 * by the article renderer like any other.
 */
final class PostContent {

    /** What the content became, with what the report should mention. */
    record Converted(String markdown, Set<String> unknownShortcodes, List<String> outsideImages) {
    }

    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "embed");
    /** [name attr="x"], [name]...[/name] or [snake_name]: a shortcode, not a bracketed word. */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:\\s+[^\\]]*)?)\\]");

    private PostContent() {
    }

    static Converted toMarkdown(String content, UploadLinks uploads) {
        Set<String> unknown = unknownShortcodes(content);
        String html = BlockHtml.isBlockContent(content) ? BlockHtml.toHtml(content) : ClassicHtml.toHtml(content);
        Document document = Jsoup.parseBodyFragment(html);
        MarkdownWriter writer = new MarkdownWriter(uploads);
        String markdown = writer.write(document.body());
        return new Converted(markdown, unknown, writer.outsideImages());
    }

    static Set<String> unknownShortcodes(String content) {
        Set<String> names = new TreeSet<>();
        Matcher m = SHORTCODE.matcher(content);
        while (m.find()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (KNOWN.contains(name)) {
                continue;
            }
            boolean closing = !m.group(1).isEmpty() || content.contains("[/" + m.group(2) + "]");
            boolean attributes = m.group(3).contains("=");
            if (closing || attributes || name.contains("_")) {
                names.add(name);
            }
        }
        return names;
    }
}
