package org.vertebra.consent;

import java.util.List;
import org.vertebra.language.Messages;

/**
 * What the Privacy policy says the site holds about a person: one line per key a feature that keeps
 * an address contributes ({@code Feature.heldData()}), each line's words in the bundles under
 * {@code KEY.what|why|kept}, so that a Spanish site states its privacy promises in Spanish.
 */
final class HeldDataLines {

    private HeldDataLines() {
    }

    /** @param keys the lines' message keys, in the order the policy lists them */
    public static List<PolicySections.HeldData> in(List<String> keys, Messages text) {
        return keys.stream().map(key -> new PolicySections.HeldData(text.get(key + ".what"), text.get(key + ".why"),
                text.get(key + ".kept"))).toList();
    }
}
