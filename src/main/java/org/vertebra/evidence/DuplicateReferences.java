package org.vertebra.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.vertebra.content.Reference;

/**
 * Finds references listed twice: the same DOI (DOIs are case-insensitive), the same PMID, or the
 * same text once case, accents and punctuation are folded away. Each repeat is reported once,
 * against the first reference it repeats, by the first of those that they share.
 */
final class DuplicateReferences {

    private record Key(String sameBy, Function<Reference, String> value) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("DOI", r -> r.doi() == null ? null : r.doi().toLowerCase(Locale.ROOT)),
            new Key("PMID", Reference::pmid),
            new Key("text", r -> Folded.of(r.text())));

    private DuplicateReferences() {
    }

    static List<DuplicateReference> in(List<Reference> references) {
        List<Map<String, Integer>> seen = new ArrayList<>();
        KEYS.forEach(key -> seen.add(new HashMap<>()));
        List<DuplicateReference> duplicates = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            DuplicateReference duplicate = null;
            for (int k = 0; k < KEYS.size(); k++) {
                String value = KEYS.get(k).value().apply(references.get(i));
                if (value == null || value.isEmpty()) {
                    continue;
                }
                Integer first = seen.get(k).putIfAbsent(value, i + 1);
                if (first != null && duplicate == null) {
                    duplicate = new DuplicateReference(i + 1, first, KEYS.get(k).sameBy());
                }
            }
            if (duplicate != null) {
                duplicates.add(duplicate);
            }
        }
        return duplicates;
    }
}
