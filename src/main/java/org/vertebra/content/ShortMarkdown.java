package org.vertebra.content;

import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A few paragraphs of text with a small Markdown subset (emphasis, strong, links, line breaks),
 * such as an author's bio. No headings, lists, images or HTML: raw HTML is shown as text, and the
 * result passes a jsoup safelist that keeps only p, br, em, strong and https/mailto links.
 */
public final class ShortMarkdown {

    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.none()
            .addTags("p", "br", "em", "strong", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private ShortMarkdown() {
    }

    /** Safe HTML for the text; null for null or blank text. */
    public static String html(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String html = RENDERER.render(PARSER.parse(text));
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, compact).strip();
    }
}
