package org.vertebra.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Replaces misspelt words with the closest word the site's articles in the reader's language use
 * ("sciatca" becomes "sciatica", "fractrua" becomes "fractura"). Only a word that finds nothing by itself, not even through a synonym or its stem,
 * is corrected, so a rare but real word is never "fixed" into a common one.
 */
final class SpellingCorrector {

    /** Longer "words" are pasted junk; comparing them costs time and finds nothing. */
    private static final int MAX_WORD = 40;
    private static final int SHORT_WORD = 5;

    private final ArticleQueries queries;
    private final IndexLanguage lang;
    private final Analyzer words;
    private final String spellField;

    SpellingCorrector(ArticleQueries queries) {
        this.queries = queries;
        this.lang = queries.language();
        this.words = SearchAnalyzers.words(lang);
        // The language's own words only: a Spanish reader is never offered an English word.
        this.spellField = lang.field(ArticleFields.SPELL);
    }

    /** The words with each correctable one replaced; the same list when nothing needed correcting. */
    List<String> correct(IndexSearcher searcher, List<String> typed) throws IOException {
        // A fresh checker per call: it is cheap, and its settings are then never shared between threads.
        DirectSpellChecker checker = new DirectSpellChecker();
        List<String> corrected = new ArrayList<>(typed.size());
        for (String word : typed) {
            corrected.add(correct(checker, searcher, word));
        }
        return corrected;
    }

    private String correct(DirectSpellChecker checker, IndexSearcher searcher, String word) throws IOException {
        List<String> terms = Tokens.of(words, word, 2);
        if (terms.size() != 1 || !worthChecking(terms.get(0), checker) || !findsNothing(searcher, word)) {
            return word;
        }
        // The usual "auto" fuzziness: one edit for a short word, two for a longer one, so "pian"
        // becomes "pain" but "title" does not become "tingle". One edit is tried first even for a
        // longer word: a word one edit away always ranks above any two away, so the answer is the
        // same, and the automaton for two edits, the costly part, is built only when one finds nothing.
        Term term = new Term(spellField, terms.get(0));
        checker.setMaxEdits(1);
        SuggestWord[] suggestions = checker.suggestSimilar(term, 1, searcher.getIndexReader(),
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length == 0 && terms.get(0).length() > SHORT_WORD) {
            checker.setMaxEdits(2);
            suggestions = checker.suggestSimilar(term, 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        if (suggestions.length == 0 || isStopWord(suggestions[0].string)) {
            return word;
        }
        return suggestions[0].string;
    }

    private boolean worthChecking(String term, DirectSpellChecker checker) {
        return term.length() >= checker.getMinQueryLength() && term.length() <= MAX_WORD
                && term.chars().noneMatch(Character::isDigit) && !isStopWord(term);
    }

    private boolean findsNothing(IndexSearcher searcher, String word) throws IOException {
        ArticleQuery alone = queries.allWords(List.of(word));
        return alone != null && searcher.count(alone.matches()) == 0;
    }

    private boolean isStopWord(String term) {
        return lang.stopWords().contains(term);
    }
}
