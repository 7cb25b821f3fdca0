package org.vertebra.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * How many articles a query matches, and which ones when they are few.
 *
 * <p>The count is exact, so every match is visited anyway; keeping the ids of the first few on the
 * way costs next to nothing, and when that was all of them the ranking scores just those
 * ({@link TopMatches#amongFew}) instead of running the ranking query over the whole index. That is
 * the case of the slowest searches: synonyms of several common words ("back ache", "slipped disc")
 * match a few dozen articles, but their words, each alone, thousands.
 *
 * @param count how many live articles match
 * @param few   the matching documents' ids in increasing order when there are at most the number
 *              asked for; null when there are more, or when they were counted without visiting them
 */
record MatchCount(int count, int[] few) {

    static final MatchCount NONE = new MatchCount(0, new int[0]);

    /** Counts the matches of {@code query}, keeping their ids when there are at most {@code keep}. */
    static MatchCount of(IndexSearcher searcher, Query query, int keep) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Listing listing = new Listing(keep);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            // A segment that knows its count without visiting (a single word, no deletions) is asked,
            // unless its matches still fit the list: then they are visited for their ids.
            int known = weight.count(leaf);
            if (known == 0) {
                continue;
            }
            if (known > 0 && !listing.fits(known)) {
                listing.addUnlisted(known);
                continue;
            }
            BulkScorer matches = weight.bulkScorer(leaf);
            if (matches != null) {
                matches.score(listing.in(leaf), leaf.reader().getLiveDocs());
            }
        }
        return listing.result();
    }

    /** Counts every match and lists the first {@code keep}, as global document ids. */
    private static final class Listing {

        private int[] ids;
        private int listed;
        private int count;
        private boolean complete = true;

        Listing(int keep) {
            ids = new int[keep];
        }

        boolean fits(int more) {
            return complete && listed + more <= ids.length;
        }

        void addUnlisted(int more) {
            count += more;
            complete = false;
        }

        LeafCollector in(LeafReaderContext leaf) {
            int docBase = leaf.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counted, not scored
                }

                @Override
                public void collect(int doc) {
                    count++;
                    if (complete) {
                        if (listed == ids.length) {
                            complete = false;
                        } else {
                            ids[listed++] = docBase + doc;
                        }
                    }
                }
            };
        }

        MatchCount result() {
            if (!complete) {
                return new MatchCount(count, null);
            }
            int[] few = Arrays.copyOf(ids, listed);
            Arrays.sort(few); // the ranking walks them forward only; sorted rather than trusting every bulk scorer's order
            return new MatchCount(count, few);
        }
    }
}
