package org.vertebra.evidence;

/**
 * A study named in the text that no reference matches, or a numbered citation such as [7] past the
 * end of the reference list.
 *
 * @param line  the 1-based line where it starts (of the body, or of the file for the command line)
 */
public record UnmatchedMention(String text, int line) {
}
