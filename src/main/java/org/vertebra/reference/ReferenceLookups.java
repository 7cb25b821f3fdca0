package org.vertebra.reference;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The look-up a site's settings ask for: DOIs at Crossref when {@code crossref.url} is set, PMIDs at
 * PubMed when {@code pubmed.url} is set, and neither (every look-up fails as not configured) when
 * both are unset, which is the default.
 */
public final class ReferenceLookups implements ReferenceLookup {

    private final ReferenceLookup dois;
    private final ReferenceLookup pmids;

    private ReferenceLookups(ReferenceLookup dois, ReferenceLookup pmids) {
        this.dois = dois;
        this.pmids = pmids;
    }

    /**
     * The look-ups at these addresses (empty or null: that one is off), for a site at {@code baseUrl};
     * the composition root passes them from the settings, so this package needs none of app's types.
     */
    public static ReferenceLookup from(String crossrefUrl, String pubmedUrl, String baseUrl, Clock clock) {
        return from(crossrefUrl, pubmedUrl, userAgent(baseUrl), JsonService.Timeouts.DEFAULT, clock);
    }

    /** With the services at these addresses (empty: off); for tests that point them at a fake. */
    static ReferenceLookup from(String crossrefUrl, String pubmedUrl, String userAgent, JsonService.Timeouts timeouts,
                                Clock clock) {
        boolean crossref = crossrefUrl != null && !crossrefUrl.isBlank();
        boolean pubmed = pubmedUrl != null && !pubmedUrl.isBlank();
        if (!crossref && !pubmed) {
            return new NoLookup();
        }
        return new ReferenceLookups(
                crossref ? new CrossrefLookup(crossrefUrl, new JsonService("Crossref", userAgent, timeouts, clock)) : new NoLookup(),
                pubmed ? new PubMedLookup(pubmedUrl, new JsonService("PubMed", userAgent, timeouts, clock)) : new NoLookup());
    }

    /**
     * As {@link #from(String, String, String, Clock)}, naming a contact address in the User-Agent as
     * Crossref's "polite pool" asks ({@code mailto:}); the retraction checks, which run unattended, use it.
     */
    public static ReferenceLookup from(String crossrefUrl, String pubmedUrl, String baseUrl, String contactEmail,
                                       Clock clock) {
        return from(crossrefUrl, pubmedUrl, userAgent(baseUrl, contactEmail), JsonService.Timeouts.DEFAULT, clock);
    }

    /** Crossref asks callers to say who they are, so that it can reach them before it blocks them. */
    static String userAgent(String baseUrl) {
        return "Vertebra/1 (reference look-ups; +" + baseUrl + ")";
    }

    /** With a contact address: "Vertebra/1 (reference look-ups; +https://clinic.example; mailto:desk@clinic.example)". */
    public static String userAgent(String baseUrl, String contactEmail) {
        if (contactEmail == null || contactEmail.isBlank()) {
            return userAgent(baseUrl);
        }
        return "Vertebra/1 (reference look-ups; +" + baseUrl + "; mailto:" + contactEmail.strip() + ")";
    }

    /** The look-ups with a User-Agent and timeouts of the caller's choosing; for tests and the retraction checks. */
    public static ReferenceLookup from(String crossrefUrl, String pubmedUrl, String userAgent, Duration connect,
                                       Duration request, Clock clock) {
        return from(crossrefUrl, pubmedUrl, userAgent, new JsonService.Timeouts(connect, request), clock);
    }

    @Override
    public Optional<Citation> byDoi(String doi) {
        return dois.byDoi(doi);
    }

    @Override
    public Optional<Citation> byPmid(String pmid) {
        return pmids.byPmid(pmid);
    }

    @Override
    public Optional<java.util.List<UpdateNotice>> noticesForDoi(String doi) {
        return dois.noticesForDoi(doi);
    }

    @Override
    public Optional<java.util.List<UpdateNotice>> noticesForPmid(String pmid) {
        return pmids.noticesForPmid(pmid);
    }
}
