package org.vertebra.comment;

import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A comment's text as HTML: a small Markdown subset (paragraphs, emphasis, strong, links, lists,
 * code) rendered by commonmark and then sanitized by the OWASP Java HTML Sanitizer, which is what
 * makes the result safe to put in a page unescaped. Headings, block quotes and raw HTML are not
 * part of the subset: they stay as the text that was typed (HTML escaped). An image becomes a link
 * to it. Links may be http, https or mailto, and carry rel="nofollow ugc noopener".
 */
final class CommentMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(ListBlock.class, FencedCodeBlock.class, IndentedCodeBlock.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .nodeRendererFactory(ImageAsLink::new)
            .build();
    /** The only elements and attributes a comment may carry; everything else is dropped, text kept. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "code", "pre", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentMarkdown() {
    }

    /** Safe HTML for a comment's Markdown. */
    static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
    }

    /** Comments show no images from elsewhere (they would track readers): a link with the image's description instead. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            StringBuilder alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    alt.append(text.getLiteral());
                }
            }
            html.tag("a", java.util.Map.of("href", context.encodeUrl(image.getDestination())));
            html.text(alt.length() > 0 ? alt.toString() : image.getDestination());
            html.tag("/a");
        }
    }
}
