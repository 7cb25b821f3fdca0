package org.vertebra.readability;

import java.util.function.ToIntFunction;

/**
 * What a language's syllable count does before its own rules: a hyphenated word is counted part by
 * part, and a number written in digits counts a syllable a digit, at most four, as the English
 * counter does. Every word has at least one syllable.
 */
final class SyllableWords {

    private SyllableWords() {
    }

    /** @param ofLetters the language's count for a word of letters only */
    static int count(String lowerCaseWord, ToIntFunction<String> ofLetters) {
        if (lowerCaseWord.indexOf('-') >= 0) {
            int sum = 0;
            for (String part : lowerCaseWord.split("-+")) {
                sum += part.isEmpty() ? 0 : count(part, ofLetters);
            }
            return Math.max(1, sum);
        }
        String letters = lowerCaseWord.replaceAll("[^\\p{L}]", "");
        return letters.isEmpty() ? digits(lowerCaseWord) : Math.max(1, ofLetters.applyAsInt(letters));
    }

    static int digits(String word) {
        long digits = word.chars().filter(Character::isDigit).count();
        return (int) Math.max(1, Math.min(4, digits));
    }
}
