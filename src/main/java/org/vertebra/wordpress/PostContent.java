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
 * import format. Shortcodes other than [caption], [embed], [gallery], [audio] and [video] have no
 * meaning here: they stay in the text, visible, and are named so the report can list them. The
 * pages of a post split with {@code <!--nextpage-->} become one text; the {@code <!--more-->} mark
 * goes (Vertebra's lists show the summary). The Markdown is rendered and sanitized by the article
 * renderer like any other.
 */
final class PostContent {

    /**
     * What the content became, with what the report should mention.
     *
     * @param outsideFiles addresses of audio and video files that are not in the media library (kept as links)
     * @param pages        how many pages WordPress showed it on ({@code /slug/2/}...): 1 unless split with nextpage
     */
    record Converted(String markdown, Set<String> unknownShortcodes, List<String> outsideImages, List<String> outsideFiles,
                     int pages) {
    }

    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "embed", "gallery", "audio", "video");
    /** A page break, classic or as the block editor wraps it. */
    private static final Pattern NEXTPAGE = Pattern.compile(
            "(?is)(?:<!--\\s*wp:nextpage\\s*-->\\s*)?<!--nextpage-->(?:\\s*<!--\\s*/wp:nextpage\\s*-->)?");
    /** The teaser's end, with or without its link text, classic or as a block; and its companion, noteaser. */
    private static final Pattern MORE = Pattern.compile(
            "(?is)(?:<!--\\s*wp:more\\b.*?-->\\s*)?<!--(?:more\\b.*?|noteaser)-->(?:\\s*<!--\\s*/wp:more\\s*-->)?");
    /** [name attr="x"], [name]...[/name] or [snake_name]: a shortcode, not a bracketed word. */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:\\s+[^\\]]*)?)\\]");

    private PostContent() {
    }

    static Converted toMarkdown(String content, UploadLinks uploads) {
        return toMarkdown(content, uploads, MediaShortcodes.Images.NONE);
    }

    /** As {@link #toMarkdown(String, UploadLinks)}, with the attachments its galleries may show. */
    static Converted toMarkdown(String content, UploadLinks uploads, MediaShortcodes.Images images) {
        Set<String> unknown = unknownShortcodes(content);
        int pages = 1;
        for (Matcher m = NEXTPAGE.matcher(content); m.find(); ) {
            pages++;
        }
        String joined = MORE.matcher(NEXTPAGE.matcher(content).replaceAll("\n\n")).replaceAll("");
        String text = MediaShortcodes.toHtml(joined, images);
        String html = BlockHtml.isBlockContent(text) ? BlockHtml.toHtml(text) : ClassicHtml.toHtml(text);
        Document document = Jsoup.parseBodyFragment(html);
        MarkdownWriter writer = new MarkdownWriter(uploads);
        String markdown = writer.write(document.body());
        return new Converted(markdown, unknown, writer.outsideImages(), writer.outsideFiles(), pages);
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
