package org.vertebra.search;

/**
 * Where an article's blocks meet inside a snippet. The body's text keeps its blocks (a heading, a
 * paragraph, each list item) on lines of their own, and a snippet folds white space into single
 * spaces; without a mark, a heading runs into its first sentence and one list item into the next
 * ("your fingers are very swollen Your fingers become numb"). A line break after words that end
 * without punctuation, before a capital or a digit, is shown as a middle dot instead. A line
 * break after a full stop (or a comma, a colon) reads well as a space, and one before a small
 * letter is a break inside a sentence.
 */
final class BlockJoins {

    static final String SEPARATOR = " \u00b7 ";

    private final String content;

    BlockJoins(String content) {
        this.content = content;
    }

    /**
     * The content from {@code from} to {@code to}, with each join of two blocks that lies wholly
     * inside the passage from {@code start} to {@code end} written as {@link #SEPARATOR}; a join at
     * the passage's edge is left as white space, which the snippet trims.
     */
    String text(int from, int to, int start, int end) {
        int at = indexOfLineBreak(from, to);
        if (at < 0) {
            return content.substring(from, to);
        }
        StringBuilder text = new StringBuilder(to - from + 8);
        int copied = from;
        while (at >= 0) {
            int runStart = at;
            while (runStart > start && SnippetMaker.isSpace(content.charAt(runStart - 1))) {
                runStart--;
            }
            int runEnd = at;
            while (runEnd < end && SnippetMaker.isSpace(content.charAt(runEnd))) {
                runEnd++;
            }
            if (runStart >= copied && runStart > start && runEnd < end && runEnd <= to && joinsBlocks(runStart, runEnd)) {
                text.append(content, copied, runStart).append(SEPARATOR);
                copied = runEnd;
            }
            at = indexOfLineBreak(Math.max(runEnd, at + 1), to);
        }
        return text.append(content, copied, to).toString();
    }

    private boolean joinsBlocks(int runStart, int runEnd) {
        char before = content.charAt(runStart - 1);
        char after = content.charAt(runEnd);
        return (Character.isLetterOrDigit(before) || before == ')' || before == '"' || before == '\u201d')
                && (Character.isUpperCase(after) || Character.isDigit(after));
    }

    private int indexOfLineBreak(int from, int to) {
        for (int i = from; i < to; i++) {
            if (content.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
