package org.vertebra.content;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

/**
 * Where an article's reference list is: the last section headed "References" or "Sources" (level
 * 2 or deeper) that holds a list. The renderer takes it out of the page, and the prose that
 * readability and the evidence check read stops before it, so both follow this one rule.
 */
final class ReferencesSection {

    private static final Pattern HEADING = Pattern.compile("(?i)\\s*(references|sources)\\s*:?\\s*");

    private ReferencesSection() {
    }

    /**
     * The heading and the blocks under it, up to the next heading of the same or a higher level;
     * empty when there is no such heading, or its section has no list (a "Sources" section of
     * prose stays part of the body).
     */
    static List<Node> of(Node document, Function<Node, String> headingText) {
        Heading heading = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading candidate && candidate.getLevel() >= 2
                    && HEADING.matcher(headingText.apply(candidate)).matches()) {
                heading = candidate;
            }
        }
        if (heading == null) {
            return List.of();
        }
        List<Node> section = new ArrayList<>();
        section.add(heading);
        boolean hasList = false;
        for (Node node = heading.getNext(); node != null; node = node.getNext()) {
            if (node instanceof Heading next && next.getLevel() <= heading.getLevel()) {
                break;
            }
            hasList |= node instanceof BulletList || node instanceof OrderedList;
            section.add(node);
        }
        return hasList ? List.copyOf(section) : List.of();
    }
}
