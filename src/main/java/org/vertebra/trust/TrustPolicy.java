package org.vertebra.trust;

/**
 * The site's trust settings, as the publishing rule and the pages need them.
 *
 * @param defaultDisclosure  shown on articles without a disclosure of their own; null until an administrator sets it
 * @param maxGrade           the highest reading grade the site publishes; null when there is no limit (the default)
 * @param minPemat           the lowest PEMAT understandability and actionability (percent) a new article is published
 *                           with; null when the site asks for none (the default)
 */
public record TrustPolicy(String defaultDisclosure, Double maxGrade, Integer minPemat) {

    public static final TrustPolicy NONE = new TrustPolicy(null, null, null);

    /** A policy without a PEMAT minimum. */
    public TrustPolicy(String defaultDisclosure, Double maxGrade) {
        this(defaultDisclosure, maxGrade, null);
    }

    /** The disclosure readers see for an article with this one of its own (perhaps blank). */
    public String disclosureFor(String own) {
        if (!TrustCheck.blank(own)) {
            return own.strip();
        }
        return TrustCheck.blank(defaultDisclosure) ? null : defaultDisclosure.strip();
    }
}
