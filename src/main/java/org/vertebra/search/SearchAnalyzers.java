package org.vertebra.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. Articles and queries go through the same steps (words, lower case,
 * accents folded, English stop words dropped, Porter stems), so "Fractures" and "fracture" meet;
 * only queries also get synonyms, so the synonym list can change without a reindex.
 */
final class SearchAnalyzers {

    /** Leaves room between the values of a multi-valued field, so no phrase spans two headings. */
    private static final int VALUE_GAP = 100;

    private SearchAnalyzers() {
    }

    /** What {@link org.apache.lucene.index.IndexWriter} uses: stems everywhere but in the plain-word fields. */
    static Analyzer forIndex() {
        return new PerFieldAnalyzerWrapper(stemmed(null), Map.of(
                ArticleFields.SPELL, words(),
                ArticleFields.TITLE_WORDS, words()));
    }

    /** For the stemmed fields at query time, with synonyms after the stems (the map's rules are stemmed too). */
    static Analyzer forQuery(SynonymMap synonyms) {
        return stemmed(synonyms);
    }

    /**
     * Whole words in lower case without stems or stop words: real words for spelling suggestions,
     * and title words that a typed prefix can match.
     */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, normalized(source));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /**
     * Reads the synonym rules: the same steps as queries but without dropping stop words, because
     * the rule parser refuses a phrase with a hole in it (synonyms.txt tells owners to leave them out).
     */
    static Analyzer forSynonymRules() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(normalized(source)));
            }
        };
    }

    private static Analyzer stemmed(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopFilter(normalized(source), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    private static TokenStream normalized(Tokenizer source) {
        // The possessive filter runs first: it knows "Golfer's" as well as "golfer's".
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }
}
