package org.vertebra.pemat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.vertebra.readability.Readability;

/**
 * The layout of a Markdown body that the PEMAT items ask about: its headings and the length of
 * the sections under them, its paragraphs, lists, emphasis, images and tables. References are
 * part of the body here; only the prose checks leave them out.
 */
record BodyShape(
        List<String> headings,
        List<Integer> sectionWords,
        List<Integer> paragraphWords,
        int bulletLists,
        int orderedLists,
        int strongEmphasis,
        int blockQuotes,
        List<ImageSeen> images,
        List<List<String>> tableHeaders) {

    /** An image with its alternative text and title. */
    record ImageSeen(String destination, String alt, String title) {
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static BodyShape of(String markdown) {
        Collector collector = new Collector();
        PARSER.parse(markdown).accept(collector);
        collector.sectionWords.add(collector.wordsInSection);
        return new BodyShape(collector.headings, collector.sectionWords.stream().filter(w -> w > 0).toList(),
                collector.paragraphWords, collector.bulletLists, collector.orderedLists, collector.strong,
                collector.quotes, collector.images, collector.tableHeaders);
    }

    int words() {
        return sectionWords.stream().mapToInt(Integer::intValue).sum();
    }

    private static final class Collector extends AbstractVisitor {
        final List<String> headings = new ArrayList<>();
        final List<Integer> sectionWords = new ArrayList<>();
        final List<Integer> paragraphWords = new ArrayList<>();
        final List<ImageSeen> images = new ArrayList<>();
        final List<List<String>> tableHeaders = new ArrayList<>();
        int wordsInSection;
        int bulletLists;
        int orderedLists;
        int strong;
        int quotes;

        @Override
        public void visit(Heading heading) {
            sectionWords.add(wordsInSection);
            wordsInSection = 0;
            headings.add(textOf(heading).strip());
        }

        @Override
        public void visit(Paragraph paragraph) {
            int words = Readability.wordCount(textOf(paragraph));
            paragraphWords.add(words);
            wordsInSection += words;
            visitChildren(paragraph);
        }

        @Override
        public void visit(BulletList list) {
            bulletLists++;
            visitChildren(list);
        }

        @Override
        public void visit(OrderedList list) {
            orderedLists++;
            visitChildren(list);
        }

        @Override
        public void visit(StrongEmphasis emphasis) {
            strong++;
            visitChildren(emphasis);
        }

        @Override
        public void visit(BlockQuote quote) {
            quotes++;
            visitChildren(quote);
        }

        @Override
        public void visit(Image image) {
            images.add(new ImageSeen(image.getDestination(), textOf(image).strip(),
                    image.getTitle() == null ? "" : image.getTitle().strip()));
        }

        @Override
        public void visit(org.commonmark.node.CustomBlock block) {
            if (block instanceof TableBlock table) {
                tableHeaders.add(headerOf(table));
                int words = Readability.wordCount(textOf(table));
                wordsInSection += words;
                return;
            }
            visitChildren(block);
        }

        private static List<String> headerOf(TableBlock table) {
            List<String> cells = new ArrayList<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof TableHead) {
                    for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            if (cell instanceof TableCell) {
                                cells.add(textOf(cell).strip());
                            }
                        }
                    }
                }
            }
            return List.copyOf(cells);
        }
    }

    static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else {
                appendText(child, text);
                text.append(' ');
            }
        }
    }
}
