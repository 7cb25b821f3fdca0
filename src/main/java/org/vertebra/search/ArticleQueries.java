package org.vertebra.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query for a reader's words from analysed terms, never from query syntax. An
 * article matches when its text as a whole has the words (or their synonyms); which fields hold
 * them decides the score, the title counting most and the body least.
 */
final class ArticleQueries {

    private final QueryBuilder builder;
    private final IndexLanguage lang;
    private final Map<String, Float> weights;

    /** Queries in this language's fields, analysed with its query analyzer. */
    ArticleQueries(Analyzer queryAnalyzer, IndexLanguage lang) {
        this.lang = lang;
        this.weights = weights(lang);
        builder = new QueryBuilder(queryAnalyzer);
        // A synonym of several words ("lateral epicondylitis") must match as a phrase, not as two loose words.
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    /** Every word must match somewhere; null when no word is left to search (stop words, punctuation). */
    ArticleQuery allWords(List<String> words) {
        return build(String.join(" ", words), Occur.MUST);
    }

    /** Any word may match; articles with more of them score higher. Null as for {@link #allWords}. */
    ArticleQuery anyWord(List<String> words) {
        return build(String.join(" ", words), Occur.SHOULD);
    }

    /**
     * The words in the body alone, for the highlighter: it marks only the body's matches, and
     * asking it with the whole query made it evaluate every field's clauses for each hit.
     */
    Query inBody(List<String> words) {
        return builder.createBooleanQuery(lang.field(ArticleFields.BODY), String.join(" ", words), Occur.SHOULD);
    }

    private ArticleQuery build(String text, Occur eachWord) {
        Query match = builder.createBooleanQuery(lang.field(ArticleFields.ALL), text, eachWord);
        if (match == null) {
            return null;
        }
        // The "all" field holds the same texts as the weighted fields, so whatever matches it
        // matches at least one of these clauses: the ranking finds every article that matches.
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        weights.forEach((field, weight) -> {
            Query inField = builder.createBooleanQuery(field, text, Occur.SHOULD);
            if (inField != null) {
                ranking.add(new BoostQuery(inField, weight), Occur.SHOULD);
            }
        });
        return new ArticleQuery(match, ranking.build());
    }

    /** The field of the body in this language, which the highlighter marks. */
    String bodyField() {
        return lang.field(ArticleFields.BODY);
    }

    IndexLanguage language() {
        return lang;
    }

    private static Map<String, Float> weights(IndexLanguage lang) {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(lang.field(ArticleFields.TITLE), 8f);
        weights.put(lang.field(ArticleFields.HEADINGS), 4f);
        weights.put(lang.field(ArticleFields.TAGS), 2f);
        weights.put(lang.field(ArticleFields.SUMMARY), 2f);
        weights.put(lang.field(ArticleFields.CATEGORIES), 1.5f);
        weights.put(lang.field(ArticleFields.BODY), 1f);
        return Collections.unmodifiableMap(weights); // a fixed order keeps scores identical from run to run
    }
}
