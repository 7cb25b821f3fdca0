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
