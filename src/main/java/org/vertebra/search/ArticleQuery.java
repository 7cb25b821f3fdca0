package org.vertebra.search;

import org.apache.lucene.search.Query;

/**
 * A reader's words as two Lucene queries: which articles match, and how the matches rank.
 *
 * <p>They are kept apart, rather than joined as one query with the match as a filter clause,
 * because Lucene skips hits that cannot reach the top (MaxScore over the ranking's fields) only
 * for a query made of optional clauses alone; with a filter clause it scored every match, which
 * at 100,000 articles made the ranking the largest part of a search. {@link TopMatches} ranks with
 * the one and keeps only what the other matches.
 *
 * @param matches every article that has the words (or their synonyms) somewhere in its text
 * @param ranks   the words field by field, weighted; matches every article {@code matches} matches
 *                and perhaps more, so it ranks but never decides what is found
 */
record ArticleQuery(Query matches, Query ranks) {
}
