package org.vertebra.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs a reader's search: all the words first; when that finds nothing, the words with spelling
 * corrected; then any of the words. Returns one page of hits with snippets.
 */
final class ArticleSearch {

    static final int MAX_PAGE_SIZE = 100;
    /** Every page costs the results before it; nobody reads result ten thousand of a clinic's site. */
    static final int MAX_DEPTH = 10_000;
    /**
     * Up to this many matches, the ranking scores each of them ({@link TopMatches#amongFew});
     * above it, it lets Lucene skip those that cannot reach the page ({@link TopMatches#of}).
     */
    static final int FEW = 500;

    private final ArticleQueries queries;
    private final SpellingCorrector speller;
    private final SnippetMaker snippets;

    ArticleSearch(ArticleQueries queries, SnippetMaker snippets) {
        this.queries = queries;
        this.speller = new SpellingCorrector(queries);
        this.snippets = snippets;
    }

    /**
     * What was searched in the end: the query, how many it found, the corrected words if any, and
     * whether every word had to match.
     */
    private record Match(ArticleQuery query, MatchCount found, String didYouMean, boolean allWords, List<String> words) {

        long count() {
            return found.count();
        }
    }

    SearchResults search(IndexSearcher searcher, String typed, int page, int pageSize) throws IOException {
        QueryText text = QueryText.of(typed);
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        int pageNo = Math.max(1, page);
        List<String> words = text.words();
        while (true) {
            try {
                Match match = words.isEmpty() ? null : match(searcher, words);
                return match == null ? SearchResults.empty(text.shown(), pageNo) : page(searcher, text.shown(), match, pageNo, size);
            } catch (IndexSearcher.TooManyClauses e) {
                // Many words that each have many synonyms: search the first half rather than fail.
                if (words.size() <= 1) {
                    return SearchResults.empty(text.shown(), pageNo);
                }
                words = words.subList(0, words.size() / 2);
            }
        }
    }

    private Match match(IndexSearcher searcher, List<String> words) throws IOException {
        ArticleQuery strict = queries.allWords(words);
        if (strict == null) {
            return null; // only stop words and punctuation
        }
        MatchCount found = count(searcher, strict);
        if (found.count() > 0) {
            return new Match(strict, found, null, true, words);
        }
        List<String> corrected = speller.correct(searcher, words);
        String didYouMean = corrected.equals(words) ? null : String.join(" ", corrected);
        if (didYouMean != null) {
            ArticleQuery fixed = queries.allWords(corrected);
            MatchCount fixedFound = count(searcher, fixed);
            if (fixedFound.count() > 0) {
                return new Match(fixed, fixedFound, didYouMean, true, corrected);
            }
        }
        if (corrected.size() > 1) {
            ArticleQuery loose = queries.anyWord(corrected);
            MatchCount looseFound = count(searcher, loose);
            if (looseFound.count() > 0) {
                return new Match(loose, looseFound, didYouMean, false, corrected);
            }
        }
        return new Match(strict, MatchCount.NONE, null, true, words);
    }

    private static MatchCount count(IndexSearcher searcher, ArticleQuery query) throws IOException {
        return query == null ? MatchCount.NONE : MatchCount.of(searcher, query.matches(), FEW);
    }

    private SearchResults page(IndexSearcher searcher, String shown, Match match, int page, int size)
            throws IOException {
        int totalPages = (int) ((match.count() + size - 1) / size);
        long offset = (long) (page - 1) * size;
        if (offset >= match.count() || offset + size > MAX_DEPTH) {
            return new SearchResults(shown, List.of(), page, totalPages, match.count(), match.didYouMean(), match.allWords());
        }
        int wanted = (int) offset + size;
        int[] few = match.found().few();
        ScoreDoc[] top = few != null ? TopMatches.amongFew(searcher, match.query(), few, wanted)
                : TopMatches.of(searcher, match.query(), wanted);
        ScoreDoc[] onPage = Arrays.copyOfRange(top, (int) Math.min(offset, top.length), top.length);
        int[] docIds = Arrays.stream(onPage).mapToInt(doc -> doc.doc).toArray();
        Query inBody = queries.inBody(match.words());
        Snippet[] made = inBody == null ? new Snippet[docIds.length]
                : snippets.snippets(searcher, queries.bodyField(), inBody, docIds);
        List<Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            hits.add(ArticleFields.toHit(searcher, docIds[i], made[i] == null ? Snippet.EMPTY : made[i],
                    queries.language()));
        }
        return new SearchResults(shown, hits, page, totalPages, match.count(), match.didYouMean(), match.allWords());
    }
}
