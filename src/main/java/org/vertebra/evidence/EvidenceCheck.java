package org.vertebra.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;
import org.vertebra.content.Reference;

/**
 * Checks that an article's text and its reference list agree: every study the text names is in
 * the list, every reference is cited, identifiers are well formed, and nothing is listed twice.
 * Pure computation; the command line and the admin editor call it. What counts as a mention, a
 * citation and a well-formed identifier is described on {@link MentionFinder},
 * {@link NumberedCitation}, {@link CitationMatcher} and {@link IdentifierRules}.
 */
public final class EvidenceCheck {

    private EvidenceCheck() {
    }

    /**
     * @param markdownBody  the article body in Markdown, without front matter; its references
     *                      section is not read as text
     * @param references    the body's reference list, as {@code MarkdownRenderer} returns it
     * @return findings with lines relative to the body (line 1 is its first line)
     */
    public static EvidenceReport of(String markdownBody, List<Reference> references) {
        List<Passage> prose = MarkdownProse.of(markdownBody);
        CitationMatcher matcher = new CitationMatcher(references);
        Set<Integer> cited = new TreeSet<>();
        List<UnmatchedMention> unmatched = new ArrayList<>();
        for (NumberedCitation citation : NumberedCitation.in(prose)) {
            cited.addAll(citation.numbers());
            if (citation.numbers().stream().anyMatch(n -> n < 1 || n > references.size())) {
                unmatched.add(new UnmatchedMention(citation.text(), citation.line()));
            }
        }
        for (StudyMention mention : MentionFinder.in(prose)) {
            List<Integer> matching = matcher.referencesMatching(mention);
            if (matching.isEmpty()) {
                unmatched.add(new UnmatchedMention(mention.text(), mention.line()));
            }
            cited.addAll(matching);
        }
        unmatched.sort(Comparator.comparingInt(UnmatchedMention::line));
        List<DuplicateReference> duplicates = DuplicateReferences.in(references);
        // A repeat is reported as a duplicate only: removing it is the fix, not citing it.
        duplicates.forEach(d -> cited.add(d.index()));
        List<UncitedReference> uncited = new ArrayList<>();
        List<InvalidIdentifier> invalid = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            if (!cited.contains(i + 1)) {
                uncited.add(new UncitedReference(i + 1, references.get(i).text()));
            }
            invalid.addAll(IdentifierRules.check(i + 1, references.get(i)));
        }
        return new EvidenceReport(unmatched, uncited, invalid, duplicates);
    }
}
