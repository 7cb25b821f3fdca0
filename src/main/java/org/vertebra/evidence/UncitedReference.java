package org.vertebra.evidence;

/**
 * A reference that the text never cites, by number or by a mention of its first author or year.
 *
 * @param index  its 1-based number in the reference list
 */
public record UncitedReference(int index, String text) {
}
