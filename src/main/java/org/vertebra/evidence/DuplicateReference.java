package org.vertebra.evidence;

/**
 * A reference that repeats an earlier one.
 *
 * @param index        the 1-based number of the repeat
 * @param duplicateOf  the 1-based number of the first reference it repeats
 * @param sameBy       what they share: "DOI", "PMID" or "text"
 */
public record DuplicateReference(int index, int duplicateOf, String sameBy) {
}
