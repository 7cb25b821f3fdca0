package org.vertebra.search;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms, in each language ({@link IndexLanguage}). Articles and queries go
 * through the same steps (words, the language's lower case and normalisation, its stop words
 * dropped, its stems; for English: accents folded, Porter stems), so "Fractures" and "fracture",
 * "fracturas" and "fractura" meet; only queries also get synonyms, so the synonym lists can change
 * without a reindex.
 */
final class SearchAnalyzers {

    /** Leaves room between the values of a multi-valued field, so no phrase spans two headings. */
    private static final int VALUE_GAP = 100;
    /** The fields of plain words, neither stemmed nor stripped of stop words. */
    private static final Set<String> WORD_FIELDS = Set.of(ArticleFields.SPELL, ArticleFields.TITLE_WORDS);
    /** One words analyzer per language, shared: an analyzer keeps its streams per thread. */
    private static final Map<String, Analyzer> WORDS = new ConcurrentHashMap<>();

    private SearchAnalyzers() {
    }

    /**
     * What {@link org.apache.lucene.index.IndexWriter} uses: each field analysed in its own
     * language, stemmed everywhere but in the plain-word fields.
     */
    static Analyzer forIndex() {
        Map<String, Analyzer> byField = new ConcurrentHashMap<>();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return byField.computeIfAbsent(fieldName, field -> {
                    IndexLanguage language = IndexLanguage.ofField(field);
                    return WORD_FIELDS.contains(IndexLanguage.baseName(field)) ? words(language) : stemmed(language, null);
                });
            }
        };
    }

    /** For the stemmed fields at query time, with synonyms after the stems (the map's rules are stemmed too). */
    static Analyzer forQuery(IndexLanguage language, SynonymMap synonyms) {
        return stemmed(language, synonyms);
    }

    /**
     * Whole words in lower case without stems or stop words: real words for spelling suggestions,
     * and title words that a typed prefix can match.
     */
    static Analyzer words(IndexLanguage language) {
        return WORDS.computeIfAbsent(language.key(), key -> newWords(language));
    }

    private static Analyzer newWords(IndexLanguage language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, language.normalized().apply(source));
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
    static Analyzer forSynonymRules(IndexLanguage language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, language.stemmed().apply(language.normalized().apply(source)));
            }
        };
    }

    private static Analyzer stemmed(IndexLanguage language, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = language.normalized().apply(source);
                if (!language.stopWords().isEmpty()) {
                    stream = new StopFilter(stream, language.stopWords());
                    if (!language.isEnglish()) {
                        // English keeps its holes: its synonym list and phrases were written and tested with them.
                        stream = new ClosedHolesFilter(stream);
                    }
                }
                stream = language.stemmed().apply(stream);
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
}
