package org.vertebra.consent;

import java.util.List;
import org.vertebra.language.Messages;

/**
 * What the Privacy policy says the site holds about a person: one line per feature that keeps an
 * address, each line's words in the bundles under {@code policy.held.FEATURE.what|why|kept}, so
 * that a Spanish site states its privacy promises in Spanish. A feature that starts keeping an
 * address joins the list here and in both bundles.
 */
public final class HeldDataLines {

    /** The features, in the order the policy lists them. */
    static final List<String> FEATURES = List.of("comments", "newsletter", "contact", "consult", "reading", "mail", "privacy");

    private HeldDataLines() {
    }

    public static List<PolicySections.HeldData> in(Messages text) {
        return FEATURES.stream().map(feature -> new PolicySections.HeldData(text.get("policy.held." + feature + ".what"),
                text.get("policy.held." + feature + ".why"), text.get("policy.held." + feature + ".kept"))).toList();
    }
}
