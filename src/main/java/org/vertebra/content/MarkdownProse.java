package org.vertebra.content;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The prose of a Markdown body as passages with their source lines, for the editorial checks.
 * Code blocks, raw HTML, images and the references section are not prose and are left out;
 * headings, list items and table cells are kept and marked, so each check chooses what it reads.
 */
public final class MarkdownProse {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownProse() {
    }

    /** The passages of a body, in order; lines are 1-based lines of {@code markdown}. */
    public static List<Passage> of(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Node> references = ReferencesSection.of(document, MarkdownProse::words);
        List<Passage> passages = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (!references.contains(node)) {
                collect(node, passages);
            }
        }
        return List.copyOf(passages);
    }

    private static void collect(Node block, List<Passage> passages) {
        if (block instanceof Heading) {
            add(block, Passage.Kind.HEADING, passages);
        } else if (block instanceof Paragraph) {
            add(block, insideListItem(block) ? Passage.Kind.LIST_ITEM : Passage.Kind.PARAGRAPH, passages);
        } else if (block instanceof TableCell) {
            add(block, Passage.Kind.TABLE_CELL, passages);
        } else if (block instanceof Block || isTablePart(block)) {
            // Containers (lists, quotes, tables) hold prose; code and HTML blocks have no children.
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, passages);
            }
        }
    }

    private static void add(Node block, Passage.Kind kind, List<Passage> passages) {
        String text = words(block);
        if (!text.isBlank()) {
            passages.add(new Passage(text, lineOf(block), kind));
        }
    }

    /** The words of a block's inlines, with a line break wherever the source has one. */
    private static String words(Node block) {
        StringBuilder text = new StringBuilder();
        appendWords(block, text);
        return text.toString();
    }

    private static void appendWords(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append('\n');
            } else if (!(child instanceof Image)) {
                appendWords(child, text); // emphasis, links: their words; raw HTML has none
            }
        }
    }

    private static boolean insideListItem(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ListItem) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTablePart(Node node) {
        return node.getClass().getPackageName().equals(TableCell.class.getPackageName());
    }

    private static int lineOf(Node block) {
        for (Node node = block; node != null; node = node.getParent()) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 1;
    }
}
