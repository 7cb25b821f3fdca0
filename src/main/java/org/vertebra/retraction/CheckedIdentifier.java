package org.vertebra.retraction;

import java.time.Instant;
import java.util.List;
import org.vertebra.reference.UpdateNotice;

/**
 * The last answer about one identifier.
 *
 * @param identifier "doi:..." (lower case) or "pmid:..."
 * @param outcome    {@link #CHECKED}, {@link #UNKNOWN} or {@link #FAILED}
 * @param failure    why the service could not say; null unless failed
 */
record CheckedIdentifier(String identifier, String outcome, List<UpdateNotice> notices, String failure, Instant checkedAt) {

    static final String CHECKED = "checked";
    static final String UNKNOWN = "unknown";
    static final String FAILED = "failed";

    CheckedIdentifier {
        notices = List.copyOf(notices);
    }

    static String of(org.vertebra.content.Reference reference) {
        if (reference.doi() != null) {
            return "doi:" + reference.doi().toLowerCase(java.util.Locale.ROOT);
        }
        return reference.pmid() == null ? null : "pmid:" + reference.pmid();
    }
}
