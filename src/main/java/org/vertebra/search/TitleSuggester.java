package org.vertebra.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Titles offered as the reader types: every typed word must be a word of the title, the last one
 * possibly unfinished ("frozen sho" offers "Frozen Shoulder"). Titles that begin with what was
 * typed come first, then titles where the last word is already whole, then shorter titles.
 */
final class TitleSuggester {

    static final int MAX_LIMIT = 20;
    private static final int MAX_CHARS = 100;
    private static final int MAX_WORDS = 8;
    /** The start key is an exact term, and Lucene refuses terms over 32 kB; a title's start is enough. */
    private static final int MAX_KEY_CHARS = 200;

    private final IndexLanguage lang;
    private final Analyzer words;
    private final String titleWords;
    private final String titleStart;

    /** Suggests titles of the articles in this language only. */
    TitleSuggester(IndexLanguage lang) {
        this.lang = lang;
        this.words = SearchAnalyzers.words(lang);
        this.titleWords = lang.field(ArticleFields.TITLE_WORDS);
        this.titleStart = lang.field(ArticleFields.TITLE_START);
    }

    /** The title's words in lower case, joined by single spaces: what {@code TITLE_START} prefixes match. */
    static String startKey(IndexLanguage lang, String title) {
        return QueryText.cut(String.join(" ", Tokens.of(SearchAnalyzers.words(lang), title, Integer.MAX_VALUE)),
                MAX_KEY_CHARS);
    }

    List<Suggestion> suggest(IndexSearcher searcher, String typed, int limit) throws IOException {
        if (typed == null || limit <= 0) {
            return List.of();
        }
        List<String> typedWords = Tokens.of(words, QueryText.cut(typed, MAX_CHARS), MAX_WORDS);
        if (typedWords.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] found = searcher.search(query(typedWords), Math.min(limit, MAX_LIMIT), ArticleFields.BY_SCORE_THEN_ID)
                .scoreDocs;
        List<Suggestion> suggestions = new ArrayList<>(found.length);
        for (ScoreDoc doc : found) {
            suggestions.add(ArticleFields.toSuggestion(searcher, doc.doc, lang));
        }
        return suggestions;
    }

    private BooleanQuery query(List<String> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        String last = words.get(words.size() - 1);
        for (String word : words.subList(0, words.size() - 1)) {
            query.add(new TermQuery(new Term(titleWords, word)), Occur.MUST);
        }
        // Prefix queries rewrite to a constant score over matching terms, so even "a" stays cheap.
        query.add(new PrefixQuery(new Term(titleWords, last)), Occur.MUST);
        query.add(new TermQuery(new Term(titleWords, last)), Occur.SHOULD);
        query.add(new BoostQuery(new PrefixQuery(new Term(titleStart, String.join(" ", words))), 3f),
                Occur.SHOULD);
        return query.build();
    }
}
