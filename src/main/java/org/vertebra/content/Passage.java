package org.vertebra.content;

/**
 * A run of prose from an article body, as a reader sees it: words only, without Markdown marks,
 * link addresses or images. A line break in the text is a line break in the source, so a position
 * in the text maps back to a line.
 *
 * @param line  the 1-based line of the body (or plain text) where the passage starts
 */
public record Passage(String text, int line, Kind kind) {

    /** What kind of block the passage came from; readability and the evidence check read different kinds. */
    public enum Kind { PARAGRAPH, LIST_ITEM, HEADING, TABLE_CELL }

    /** The 1-based line that a character offset of {@link #text()} lies on. */
    public int lineAt(int offset) {
        int lines = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return line + lines;
    }
}
