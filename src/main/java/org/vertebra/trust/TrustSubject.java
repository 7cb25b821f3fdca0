package org.vertebra.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.content.Reference;
import org.vertebra.evidence.EvidenceReport;

/**
 * What the benchmarks look at in one article, gathered by its owner (the article page, the desk,
 * {@code vertebra check}); any part may be null where the article has none.
 *
 * @param disclosure  the disclosure readers see: the article's own, else the site's default
 * @param authorUrl   the author's page on this site
 */
public record TrustSubject(String authorName, String authorCredentials, String authorUrl, String reviewedBy,
                           LocalDate reviewedOn, String disclosure, List<Reference> references,
                           EvidenceReport evidence, Instant publishedAt, Instant updatedAt) {

    public TrustSubject {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** References with a DOI or a PMID, which a reader (or a retraction check) can follow to the source. */
    public int referencesWithIdentifier() {
        return (int) references.stream().filter(r -> r.doi() != null || r.pmid() != null).count();
    }
}
