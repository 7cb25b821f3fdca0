package org.vertebra.reference;

import java.util.Optional;

/** The look-up of a site that configured no service, or of the identifiers its services do not know. */
final class NoLookup implements ReferenceLookup {

    static final String DOI_OFF = "DOI look-ups are off: set VERTEBRA_CROSSREF_URL (crossref.url),"
            + " for example to https://api.crossref.org.";
    static final String PMID_OFF = "PMID look-ups are off: set VERTEBRA_PUBMED_URL (pubmed.url),"
            + " for example to https://eutils.ncbi.nlm.nih.gov/entrez/eutils.";

    @Override
    public Optional<Citation> byDoi(String doi) {
        Identifiers.doi(doi);
        throw new LookupFailure(LookupFailure.Reason.NOT_CONFIGURED, DOI_OFF);
    }

    @Override
    public Optional<Citation> byPmid(String pmid) {
        Identifiers.pmid(pmid);
        throw new LookupFailure(LookupFailure.Reason.NOT_CONFIGURED, PMID_OFF);
    }

    @Override
    public Optional<java.util.List<UpdateNotice>> noticesForDoi(String doi) {
        Identifiers.doi(doi);
        throw new LookupFailure(LookupFailure.Reason.NOT_CONFIGURED, DOI_OFF);
    }

    @Override
    public Optional<java.util.List<UpdateNotice>> noticesForPmid(String pmid) {
        Identifiers.pmid(pmid);
        throw new LookupFailure(LookupFailure.Reason.NOT_CONFIGURED, PMID_OFF);
    }

    @Override
    public boolean enabled() {
        return false;
    }
}
