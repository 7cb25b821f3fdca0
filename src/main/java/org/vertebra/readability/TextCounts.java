package org.vertebra.readability;

/**
 * What the readability formulas of the languages other than English read of a text, counted with
 * that language's sentence splitter and syllable rules.
 *
 * @param polysyllables  words of three syllables or more
 * @param monosyllables  words of one syllable
 * @param longWords      words of more than six letters (the Wiener Sachtextformel's "IW")
 */
record TextCounts(int sentences, int words, int syllables, int polysyllables, int monosyllables, int longWords) {

    double wordsPerSentence() {
        return sentences == 0 ? Double.NaN : (double) words / sentences;
    }

    double syllablesPerWord() {
        return words == 0 ? Double.NaN : (double) syllables / words;
    }

    /** A share of the words as a percentage, as the German formulas take it. */
    double percentOfWords(int count) {
        return words == 0 ? Double.NaN : 100.0 * count / words;
    }
}
