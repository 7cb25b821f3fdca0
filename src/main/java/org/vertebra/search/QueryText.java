package org.vertebra.search;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * What a reader typed, cut to a size that is cheap to search: at most {@value #MAX_CHARS}
 * characters and {@value #MAX_WORDS} words. Words are split as the index splits them, so query
 * syntax such as {@code title:*} or {@code AND OR ((} is only ever words and punctuation.
 *
 * @param shown what the results page repeats back to the reader
 * @param words the words to search, as typed (case kept, punctuation gone)
 */
record QueryText(String shown, List<String> words) {

    static final int MAX_CHARS = 256;
    static final int MAX_WORDS = 32;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Analyzer SPLITTER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    QueryText {
        words = List.copyOf(words);
    }

    static QueryText of(String typed) {
        if (typed == null) {
            return new QueryText("", List.of());
        }
        // Cut before the regular expression too, so a megabyte of input costs no more than a line.
        String shown = cut(SPACES.matcher(cut(typed, MAX_CHARS * 4)).replaceAll(" ").strip(), MAX_CHARS);
        return new QueryText(shown, Tokens.of(SPLITTER, shown, MAX_WORDS));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The first {@code max} characters, without splitting a character outside the Basic Multilingual Plane. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
