package org.vertebra.evidence;

import java.util.List;

/** What the evidence check found in one article; every list is empty for a clean one. */
public record EvidenceReport(
        List<UnmatchedMention> unmatchedMentions,
        List<UncitedReference> uncitedReferences,
        List<InvalidIdentifier> invalidIdentifiers,
        List<DuplicateReference> duplicateReferences) {

    public EvidenceReport {
        unmatchedMentions = List.copyOf(unmatchedMentions);
        uncitedReferences = List.copyOf(uncitedReferences);
        invalidIdentifiers = List.copyOf(invalidIdentifiers);
        duplicateReferences = List.copyOf(duplicateReferences);
    }

    public boolean isClean() {
        return unmatchedMentions.isEmpty() && uncitedReferences.isEmpty() && invalidIdentifiers.isEmpty()
                && duplicateReferences.isEmpty();
    }

    /** The same report with every line moved down, as when the body starts below a file's front matter. */
    public EvidenceReport movedDown(int lines) {
        return new EvidenceReport(
                unmatchedMentions.stream().map(m -> new UnmatchedMention(m.text(), m.line() + lines)).toList(),
                uncitedReferences, invalidIdentifiers, duplicateReferences);
    }
}
