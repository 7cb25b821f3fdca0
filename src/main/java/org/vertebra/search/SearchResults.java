package org.vertebra.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param query      what the reader typed, trimmed and cut to the length that was searched
 * @param page       the page shown, counting from 1
 * @param totalPages pages of results in all; 0 when nothing was found
 * @param didYouMean when the words typed found nothing, the corrected words whose results these are;
 *                   otherwise null
 * @param allWordsMatched false when no article had all the words and these results have some of them
 */
public record SearchResults(String query, List<Hit> hits, int page, int totalPages, long totalHits, String didYouMean,
                            boolean allWordsMatched) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults empty(String query, int page) {
        return new SearchResults(query, List.of(), page, 0, 0, null, true);
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }
}
