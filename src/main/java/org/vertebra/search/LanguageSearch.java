package org.vertebra.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Searching the articles of one language: its query analysis with its synonyms, its spelling
 * corrections and its title suggestions, each reading only that language's fields.
 */
record LanguageSearch(IndexLanguage lang, ArticleSearch articles, TitleSuggester titles) {

    static LanguageSearch of(IndexLanguage lang, SynonymMap synonyms, Analyzer indexAnalyzer) {
        ArticleQueries queries = new ArticleQueries(SearchAnalyzers.forQuery(lang, synonyms), lang);
        return new LanguageSearch(lang, new ArticleSearch(queries, new SnippetMaker(indexAnalyzer)),
                new TitleSuggester(lang));
    }
}
