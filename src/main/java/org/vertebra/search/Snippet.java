package org.vertebra.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A short passage of an article's body with the searched words marked. It is text, never HTML:
 * the template escapes each part and wraps the highlighted ones in {@code <mark>} itself.
 */
public record Snippet(List<Part> parts) {

    public static final Snippet EMPTY = new Snippet(List.of());

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** One run of text, highlighted when it is one of the searched words (or a synonym of one). */
    public record Part(String text, boolean highlighted) {
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The passage without marks, as a reader would see it. */
    public String plainText() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }
}
