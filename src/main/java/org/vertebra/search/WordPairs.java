package org.vertebra.search;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns the phrases of two words in a match query into single terms of the pairs field
 * ({@link ArticleFields#ALL_PAIRS}). A synonym of several words ("back pain" for "back ache",
 * "herniated disc" for "slipped disc") is a phrase, and finding a phrase of two common words meant
 * comparing their positions in every article that has both: for a few such words, most of a
 * search's count. The pair term is in exactly the articles where the phrase is, so the matches and
 * the count are the same; the match query is never scored, so no score changes either.
 */
final class WordPairs {

    /** Between the two terms of a pair; no term has a space in it. */
    static final String SEPARATOR = " ";

    private WordPairs() {
    }

    /**
     * Whether the searcher's index has the pairs of every article: only an index fully built in
     * the current format ({@link IndexVersion}) is sure to; an older one is searched by phrases
     * until its rebuild is committed.
     */
    static boolean indexed(IndexReader reader) throws IOException {
        return reader instanceof DirectoryReader directory
                && !IndexVersion.needsRebuild(directory.getIndexCommit().getUserData());
    }

    /** The pair term of two neighbouring terms. */
    static String term(String first, String second) {
        return first + SEPARATOR + second;
    }

    /**
     * The query with each exact phrase of two neighbouring terms in {@code field} replaced by the
     * pair term in {@code pairsField}; anything else as it was. The same query when there is none.
     */
    static Query inPairs(Query query, String field, String pairsField) {
        if (query instanceof PhraseQuery phrase && isPair(phrase, field)) {
            Term[] terms = phrase.getTerms();
            return new TermQuery(new Term(pairsField, term(terms[0].text(), terms[1].text())));
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause clause : bool.clauses()) {
                Query inner = inPairs(clause.getQuery(), field, pairsField);
                changed |= inner != clause.getQuery();
                copy.add(inner, clause.getOccur());
            }
            return changed ? copy.build() : query;
        }
        return query;
    }

    private static boolean isPair(PhraseQuery phrase, String field) {
        int[] positions = phrase.getPositions();
        return phrase.getSlop() == 0 && phrase.getField() != null && phrase.getField().equals(field)
                && positions.length == 2 && positions[1] == positions[0] + 1;
    }
}
