package org.vertebra.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The best {@code wanted} articles that an {@link ArticleQuery} matches, ranked by its ranking
 * query, with the same order as a single query with the match as a filter clause.
 *
 * <p>The ranking runs as a query of optional clauses alone, so Lucene can leave out every article
 * whose best possible score no longer reaches the page (for two common words at 100,000 articles,
 * most of the matches: the title's weight decides who can still get in); the match is checked
 * only for the hits the ranking hands over. Leaving hits out only ever drops articles the match
 * would have dropped or the page would not show, so the result is exact. The count is not taken
 * here: the caller counts the match separately.
 */
final class TopMatches {

    private TopMatches() {
    }

    static ScoreDoc[] of(IndexSearcher searcher, ArticleQuery query, int wanted) throws IOException {
        Weight matches = searcher.createWeight(searcher.rewrite(query.matches()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // A threshold of the hits kept: the collector need count no more than those to start skipping.
        TopFieldCollectorManager best = new TopFieldCollectorManager(ArticleFields.BY_SCORE, wanted, null, wanted);
        return searcher.search(query.ranks(), new CollectorManager<Matching, ScoreDoc[]>() {
            @Override
            public Matching newCollector() throws IOException {
                return new Matching(best.newCollector(), matches);
            }

            @Override
            public ScoreDoc[] reduce(Collection<Matching> collectors) throws IOException {
                List<TopFieldCollector> tops = collectors.stream().map(Matching::top).toList();
                return best.reduce(tops).scoreDocs;
            }
        });
    }

    /**
     * The best {@code wanted} of these documents (all that the query's match has, in increasing
     * order, from {@link MatchCount}), each scored by the ranking query: for a few dozen matches
     * that is much cheaper than letting the ranking query find them among the thousands that have
     * one of its words. The scores are those {@link #of} computes: the same scorers for each word,
     * summed in double precision whatever the order the clauses are visited in.
     */
    static ScoreDoc[] amongFew(IndexSearcher searcher, ArticleQuery query, int[] docs, int wanted) throws IOException {
        if (docs.length == 0) {
            return new ScoreDoc[0];
        }
        Weight ranks = searcher.createWeight(searcher.rewrite(query.ranks()), ScoreMode.COMPLETE, 1f);
        TopFieldCollector best = new TopFieldCollectorManager(ArticleFields.BY_SCORE, wanted, null, Integer.MAX_VALUE)
                .newCollector();
        int next = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (next == docs.length || docs[next] >= end) {
                continue;
            }
            Scorer scorer = ranks.scorer(leaf);
            if (scorer == null) { // cannot be, as the ranking matches whatever the match does; left out as #of would
                while (next < docs.length && docs[next] < end) {
                    next++;
                }
                continue;
            }
            LeafCollector collector = best.getLeafCollector(leaf);
            collector.setScorer(scorer);
            TwoPhaseIterator confirm = scorer.twoPhaseIterator();
            DocIdSetIterator candidates = confirm == null ? scorer.iterator() : confirm.approximation();
            for (; next < docs.length && docs[next] < end; next++) {
                int doc = docs[next] - leaf.docBase;
                int at = candidates.docID() < doc ? candidates.advance(doc) : candidates.docID();
                if (at == doc && (confirm == null || confirm.matches())) {
                    collector.collect(doc);
                }
            }
        }
        return best.topDocs().scoreDocs;
    }

    /** The best hits among those the match has. */
    private record Matching(TopFieldCollector top, Weight matches) implements Collector {

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            Scorer matching = matches.scorer(leaf);
            if (matching == null) {
                throw new CollectionTerminatedException(); // nothing in this segment matches
            }
            return new MatchingOnly(top.getLeafCollector(leaf), matching);
        }

        @Override
        public ScoreMode scoreMode() {
            return top.scoreMode();
        }
    }

    /** Passes on the documents the match has; they arrive in increasing order within a segment. */
    private static final class MatchingOnly extends FilterLeafCollector {

        private final DocIdSetIterator candidates;
        private final TwoPhaseIterator confirm; // phrases (synonyms of several words) check positions last

        MatchingOnly(LeafCollector in, Scorer matching) {
            super(in);
            confirm = matching.twoPhaseIterator();
            candidates = confirm == null ? matching.iterator() : confirm.approximation();
        }

        @Override
        public void collect(int doc) throws IOException {
            int at = candidates.docID();
            if (at < doc) {
                at = candidates.advance(doc);
            }
            if (at == doc && (confirm == null || confirm.matches())) {
                in.collect(doc);
            }
        }
    }
}
