package org.vertebra.retraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vertebra.content.Reference;
import org.vertebra.reference.LookupFailure;
import org.vertebra.reference.ReferenceLookup;
import org.vertebra.reference.UpdateNotice;

/**
 * Asks the bibliographic services about one identifier at a time, within the rate limit: a DOI at
 * Crossref (PubMed only when the reference has no DOI), a PMID at PubMed. Never throws for a
 * service's failure: it becomes a {@link CheckedIdentifier#FAILED} answer.
 */
public final class RetractionCheck {

    /** A few requests a second: Crossref asks for politeness, NCBI allows three a second without a key. */
    static final double REQUESTS_PER_SECOND = 3;

    private final ReferenceLookup lookup;
    private final TokenBucket bucket;
    private final java.time.Clock clock;

    RetractionCheck(ReferenceLookup lookup, TokenBucket bucket, java.time.Clock clock) {
        this.lookup = lookup;
        this.bucket = bucket;
        this.clock = clock;
    }

    public static RetractionCheck with(ReferenceLookup lookup, java.time.Clock clock) {
        return new RetractionCheck(lookup, TokenBucket.perSecond(REQUESTS_PER_SECOND), clock);
    }

    public boolean enabled() {
        return lookup.enabled();
    }

    /** The references these answers flag, numbered as the list is; for {@code vertebra check}, which keeps no answers. */
    public List<RetractedReference> flagged(List<Reference> references) {
        if (!enabled()) {
            return List.of();
        }
        List<RetractedReference> flagged = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Reference reference = references.get(i);
            if (CheckedIdentifier.of(reference) != null) {
                flagged.addAll(flags(i + 1, reference, ask(reference).notices()));
            }
        }
        return List.copyOf(flagged);
    }

    static List<RetractedReference> flags(int index, Reference reference, List<UpdateNotice> notices) {
        return notices.stream().map(n -> new RetractedReference(index, reference.doi(), reference.doi() == null
                ? reference.pmid() : null, n.kind(), n.notice())).toList();
    }

    /** One question to the services about this reference's identifier. */
    CheckedIdentifier ask(Reference reference) {
        String identifier = CheckedIdentifier.of(reference);
        try {
            bucket.acquire();
            Optional<List<UpdateNotice>> notices;
            try {
                notices = reference.doi() != null ? lookup.noticesForDoi(reference.doi()) : lookup.noticesForPmid(reference.pmid());
            } catch (LookupFailure e) {
                if (e.reason() != LookupFailure.Reason.NOT_CONFIGURED || reference.doi() == null || reference.pmid() == null) {
                    throw e;
                }
                notices = lookup.noticesForPmid(reference.pmid()); // DOIs are off here, PMIDs are not
            }
            return notices.map(n -> new CheckedIdentifier(identifier, CheckedIdentifier.CHECKED, n, null, clock.instant()))
                    .orElseGet(() -> new CheckedIdentifier(identifier, CheckedIdentifier.UNKNOWN, List.of(), null, clock.instant()));
        } catch (LookupFailure e) {
            return new CheckedIdentifier(identifier, CheckedIdentifier.FAILED, List.of(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            // An identifier the services' rules refuse; the evidence check reports malformed ones.
            return new CheckedIdentifier(identifier, CheckedIdentifier.FAILED, List.of(), e.getMessage(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckedIdentifier(identifier, CheckedIdentifier.FAILED, List.of(), "interrupted", clock.instant());
        }
    }
}
