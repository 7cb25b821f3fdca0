package org.vertebra.search;

import java.util.Map;

/**
 * The format version and "fully built" mark kept in the index's commit data, so they change
 * atomically with the documents. An index needs a rebuild from the database when it was never
 * built by {@link SearchIndex#rebuild} or was built by a Vertebra that analysed text differently.
 */
final class IndexVersion {

    /** Raise when fields, index-time analysis or the index's layout change: the old index is then rebuilt. */
    // 2: the hit doc value; 3: a rebuild ends in one segment; 4: each language's text in fields of its own;
    // 5: the body's sentence boundaries kept beside it
    static final int CURRENT = 5;
    static final String FORMAT_KEY = "vertebra.search.format";
    static final String BUILT_KEY = "vertebra.search.built";

    private IndexVersion() {
    }

    static Map<String, String> built() {
        return Map.of(FORMAT_KEY, Integer.toString(CURRENT), BUILT_KEY, "true");
    }

    static boolean needsRebuild(Map<String, String> commitData) {
        return !"true".equals(commitData.get(BUILT_KEY))
                || !Integer.toString(CURRENT).equals(commitData.get(FORMAT_KEY));
    }
}
