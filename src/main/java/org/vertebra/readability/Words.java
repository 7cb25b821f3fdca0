package org.vertebra.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a sentence as readability formulas count them: runs of letters or digits, with the
 * apostrophes, hyphens and decimal points inside a word ("don't", "meta-analysis", "2.5") kept in
 * it. Letters with accents or umlauts are letters ("fémur", "Knöchel"), and so are the vowel
 * signs that Hindi and Arabic write as combining marks, which stay inside their word. Punctuation
 * (Spanish '¿' and '¡' too), symbols and citation brackets are not words.
 */
final class Words {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['’.-][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*");

    private Words() {
    }

    static List<String> in(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
