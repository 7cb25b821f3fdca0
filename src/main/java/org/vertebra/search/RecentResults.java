package org.vertebra.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * Pages of results already made for the index as it is now, so that a search many readers make
 * ("back pain") costs one search until the index changes. Each page is filed under the version of
 * the index it was read from, and the first search on a new version drops every older page: results
 * are never older than the index, which follows every content change, whichever server made it.
 * Bounded by count: a page of ten results with snippets is a few kilobytes, so the bound holds them
 * in about a megabyte or two of a small server's heap.
 */
final class RecentResults {

    static final int MAX_PAGES = 500;

    private record Key(String language, String query, int page, int pageSize) {
    }

    private final Cache<Key, SearchResults> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).build();
    private final Object versionLock = new Object();
    private long version = Long.MIN_VALUE; // guarded by versionLock

    /**
     * The page of results for this query on this version of the index, made by {@code search} when
     * not kept. {@code query} is what was searched after trimming and cutting, so the same words
     * typed with other spacing share a page; the same words searched in another language do not.
     */
    SearchResults get(long indexVersion, String language, String query, int page, int pageSize,
            Supplier<SearchResults> search) {
        synchronized (versionLock) {
            if (indexVersion != version) {
                if (indexVersion < version) {
                    return search.get(); // a search still holding an older index: answer it, keep nothing
                }
                pages.invalidateAll();
                version = indexVersion;
            }
        }
        Key key = new Key(language, query, page, pageSize);
        SearchResults kept = pages.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        SearchResults made = search.get();
        synchronized (versionLock) {
            if (version == indexVersion) {
                pages.put(key, made);
            }
        }
        return made;
    }

    /** How many pages are kept now; for tests. */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }
}
