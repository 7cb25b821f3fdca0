package org.vertebra.reference;

import java.util.Optional;

/**
 * Finds a publication's metadata by its identifier at a bibliographic service. Both methods take
 * the identifier as the user gave it (it is normalised with {@link Identifiers}), answer empty when
 * the service does not know it, and throw {@link LookupFailure} when the service cannot say, or
 * {@link Identifiers.InvalidIdentifier} when the text is no DOI or PMID. They never throw
 * {@link java.io.IOException}s.
 *
 * <p>{@link ReferenceLookups#from} gives the one for a site's settings.
 */
public interface ReferenceLookup {

    Optional<Citation> byDoi(String doi);

    Optional<Citation> byPmid(String pmid);

    /**
     * The retraction, withdrawal, expression-of-concern and correction notices for a DOI (at
     * Crossref): an empty list when there are none, an empty Optional when the service does not know
     * the DOI. Answers are not cached here; the retraction checks keep them in the database.
     */
    default Optional<java.util.List<UpdateNotice>> noticesForDoi(String doi) {
        return new NoLookup().noticesForDoi(doi);
    }

    /** The same for a PMID (at PubMed, by its publication types and linked notices). */
    default Optional<java.util.List<UpdateNotice>> noticesForPmid(String pmid) {
        return new NoLookup().noticesForPmid(pmid);
    }

    /** Whether any look-up is configured; when not, every look-up fails as {@code NOT_CONFIGURED}. */
    default boolean enabled() {
        return true;
    }

    /** Looks up a DOI or a PMID, whichever the text is ("10.1056/...", "PMID: 33301246", a doi.org address). */
    default Optional<Citation> byIdentifier(String identifier) {
        Identifiers.Identifier id = Identifiers.parse(identifier);
        return id.kind() == Identifiers.Kind.DOI ? byDoi(id.value()) : byPmid(id.value());
    }
}
