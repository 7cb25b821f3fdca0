package org.vertebra.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Articles on the same subject as a given one, by Lucene's MoreLikeThis: the article's most
 * telling words (frequent in it, rare on the site) become a query for the others. The query reads
 * the fields of the article's own language, so what it finds is in that language too.
 */
final class RelatedArticles {

    static final int MAX_LIMIT = 50;
    private static final String[] FIELDS = {
        ArticleFields.TITLE, ArticleFields.HEADINGS, ArticleFields.BODY, ArticleFields.TAGS
    };
    private static final Map<String, String[]> FIELDS_BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Analyzer indexAnalyzer;

    RelatedArticles(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    List<Long> of(IndexSearcher searcher, long id, int limit) throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        TermQuery self = new TermQuery(ArticleFields.idTerm(id));
        TopDocs found = searcher.search(self, 1);
        if (found.scoreDocs.length == 0) {
            return List.of();
        }
        int article = found.scoreDocs[0].doc;
        Query like = likeThis(searcher, ArticleFields.language(searcher, article)).like(article);
        Query others = new BooleanQuery.Builder().add(like, Occur.MUST).add(self, Occur.MUST_NOT).build();
        List<Long> ids = new ArrayList<>();
        for (ScoreDoc doc : searcher.search(others, Math.min(limit, MAX_LIMIT), ArticleFields.BY_SCORE_THEN_ID).scoreDocs) {
            ids.add(ArticleFields.id(searcher, doc.doc));
        }
        return ids;
    }

    private MoreLikeThis likeThis(IndexSearcher searcher, IndexLanguage lang) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setFieldNames(FIELDS_BY_LANGUAGE.computeIfAbsent(lang.key(),
                key -> Arrays.stream(FIELDS).map(lang::field).toArray(String[]::new)));
        mlt.setAnalyzer(indexAnalyzer);
        // The defaults (a word used twice, on five articles) suit a big corpus; a clinic's site may
        // have fifteen articles, where a word used once in the title is already telling. A word
        // must still be on one other article, or it can only find the article itself.
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        return mlt;
    }
}
