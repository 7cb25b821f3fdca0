package org.vertebra.readability;

/**
 * The readability of one part of an article: the text under a level-two heading, or the opening
 * before the first one.
 *
 * @param line the 1-based line of the heading in the body (1 for the opening)
 */
public record SectionReadability(String heading, int line, ReadabilityReport report) {

    /** The name shown for the text before the first heading. */
    public static final String OPENING = "Opening (before the first heading)";
}
