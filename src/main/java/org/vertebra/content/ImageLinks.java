package org.vertebra.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Finds the images a Markdown body shows, and points them at new addresses. */
public final class ImageLinks {

    /** An image's destination as written, its alt text (empty when none) and the 0-based line of the body it is on. */
    public record Found(String destination, String alt, int bodyLine) {
    }

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private ImageLinks() {
    }

    public static List<Found> find(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Found> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                int line = image.getSourceSpans().isEmpty() ? 0 : image.getSourceSpans().get(0).getLineIndex();
                found.add(new Found(image.getDestination(), altText(image), line));
                visitChildren(image);
            }
        });
        return found;
    }

    /** The plain text of an image's description, {@code ![this](...)}, without its emphasis or code marks. */
    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }
        });
        return alt.toString().strip();
    }

    /** True for an address of a file beside the Markdown, as opposed to a web or site address. */
    public static boolean isLocal(String destination) {
        return !destination.isBlank() && !destination.contains(":") && !destination.startsWith("/")
                && !destination.startsWith("#");
    }

    /**
     * Replaces each old destination with its new one wherever Markdown names it as a link or image
     * target, inline {@code ](old)} or in a reference definition {@code [id]: old}.
     */
    public static String rewrite(String markdown, Map<String, String> newDestinations) {
        String result = markdown;
        for (Map.Entry<String, String> entry : newDestinations.entrySet()) {
            Pattern target = Pattern.compile("(\\]\\(\\s*<?|^\\s{0,3}\\[[^\\]]+\\]:\\s*<?)" + Pattern.quote(entry.getKey())
                    + "(?=[\\s>)]|$)", Pattern.MULTILINE);
            result = target.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + entry.getValue()));
        }
        return result;
    }
}
