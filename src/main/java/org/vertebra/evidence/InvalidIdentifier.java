package org.vertebra.evidence;

/**
 * A DOI or PMID in a reference that cannot be right.
 *
 * @param index   the 1-based number of the reference
 * @param value   the identifier as written
 * @param reason  what is wrong, in words for the author
 */
public record InvalidIdentifier(int index, IdentifierKind kind, String value, String reason) {
}
