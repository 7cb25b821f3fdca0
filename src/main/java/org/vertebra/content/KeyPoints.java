package org.vertebra.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An article's "Key points" and "What you can do" lists: a few short sentences a patient takes
 * away, shown above the article, on its handout and in its structured data. The limits keep them
 * a summary that fits at the top of a printed page; one place says them for the import and the
 * editor alike.
 *
 * @param points  what the article says, in a sentence each
 * @param actions what a reader can do about it
 */
public record KeyPoints(List<String> points, List<String> actions) {

    public static final int MAX_ITEMS = 10;
    public static final int MAX_LENGTH = 200;
    public static final KeyPoints NONE = new KeyPoints(List.of(), List.of());

    /** The two lists, each with its name as writers see it in the front matter and the editor. */
    public enum Kind {
        POINTS("key_points", "key point", "Key points"),
        ACTIONS("actions", "action", "What you can do");

        public final String field;
        public final String one;
        public final String heading;

        Kind(String field, String one, String heading) {
            this.field = field;
            this.one = one;
            this.heading = heading;
        }
    }

    public KeyPoints {
        points = tidy(points);
        actions = tidy(actions);
    }

    public boolean isEmpty() {
        return points.isEmpty() && actions.isEmpty();
    }

    /**
     * What is wrong with this list, in words a writer can act on; empty when it is within the
     * limits. Over-long items are named by their number, counted from 1 as the writer sees them.
     */
    public static Optional<String> problem(Kind kind, List<String> items) {
        List<String> tidy = tidy(items);
        if (tidy.size() > MAX_ITEMS) {
            return Optional.of("Give at most " + MAX_ITEMS + " " + plural(kind) + " (there are " + tidy.size()
                    + "): a handout has room for the few that matter most.");
        }
        for (int i = 0; i < tidy.size(); i++) {
            int length = tidy.get(i).codePointCount(0, tidy.get(i).length());
            if (length > MAX_LENGTH) {
                return Optional.of(capitalised(kind.one) + " " + (i + 1) + " is " + length + " characters long: keep each "
                        + kind.one + " to " + MAX_LENGTH + " characters, a short sentence.");
            }
        }
        return Optional.empty();
    }

    /** The items of a box in the editor: one a line, a leading list marker ("- ", "* ", "1. ") dropped. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return tidy(text.lines().map(line -> line.strip().replaceFirst("^(?:[-*\u2022]|\\d{1,2}[.)])\\s+", "")).toList());
    }

    /** The items as the editor's box shows them, one a line. */
    public static String text(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> tidy(List<String> items) {
        if (items == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String item : items) {
            // A point is one sentence on one line; a line break inside it comes from a YAML block.
            String one = item == null ? "" : item.strip().replaceAll("\\s+", " ");
            if (!one.isEmpty()) {
                kept.add(one);
            }
        }
        return List.copyOf(kept);
    }

    private static String plural(Kind kind) {
        return kind.one + "s";
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
