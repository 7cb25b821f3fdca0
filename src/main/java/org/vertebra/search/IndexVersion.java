package org.vertebra.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The format version and "fully built" mark kept in the index's commit data, so they change
 * atomically with the documents. An index needs a rebuild from the database when it was never
 * built by {@link SearchIndex#rebuild} or was built by a Vertebra that analysed text differently.
 */
final class IndexVersion {

    /** Raise when fields or index-time analysis change: the old index is then rebuilt. */
    static final int CURRENT = 1;
    static final String FORMAT_KEY = "vertebra.search.format";
    static final String BUILT_KEY = "vertebra.search.built";
    /**
     * The database time up to which the index holds every change. Kept in the same commit as the
     * documents, so a restart catches up from there instead of reading every article again.
     */
    static final String UP_TO_KEY = "vertebra.search.upTo";

    private IndexVersion() {
    }

    static Map<String, String> built() {
        return Map.of(FORMAT_KEY, Integer.toString(CURRENT), BUILT_KEY, "true");
    }

    static Map<String, String> upTo(Map<String, String> commitData, Instant upTo) {
        Map<String, String> marked = new HashMap<>(commitData);
        marked.put(UP_TO_KEY, upTo.toString());
        return Map.copyOf(marked);
    }

    /** The mark, or the epoch for an index written before marks were kept (it then catches up from the start). */
    static Instant upTo(Map<String, String> commitData) {
        String upTo = commitData.get(UP_TO_KEY);
        return upTo == null ? Instant.EPOCH : Instant.parse(upTo);
    }

    static boolean needsRebuild(Map<String, String> commitData) {
        return !"true".equals(commitData.get(BUILT_KEY))
                || !Integer.toString(CURRENT).equals(commitData.get(FORMAT_KEY));
    }
}
