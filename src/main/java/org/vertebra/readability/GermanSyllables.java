package org.vertebra.readability;

import java.util.Locale;
import java.util.Set;

/**
 * Counts the syllables of a German word by rule: every vowel (a, e, i, o, u, ä, ö, ü, and y as in
 * "Physik") is a syllable, except that German writes one vowel sound with two letters in its
 * diphthongs (ai, au, ei, eu, äu, and ay, ey in names) and its long vowels (aa, ee, oo, and ie).
 * So "Bauer" is Bau-er, "Theater" The-a-ter and "Operation" O-pe-ra-ti-on. The u of "qu" is a
 * consonant (Qua-li-tät).
 *
 * <p>Limits: the final -ie of some words of Latin origin is said as two syllables ("Fa-mi-li-e",
 * "Li-ni-e") while in others it is one ("The-ra-pie"); the counter always counts one. And "eu"
 * across a syllable boundary ("Mu-se-um") is taken as the diphthong.
 */
final class GermanSyllables {

    private static final String VOWELS = "aeiouyäöü";
    private static final Set<String> ONE_SOUND = Set.of("ai", "au", "ay", "ei", "ey", "eu", "äu", "ie", "aa", "ee", "oo");

    private GermanSyllables() {
    }

    static int count(String word) {
        return SyllableWords.count(word.toLowerCase(Locale.GERMAN), GermanSyllables::ofLetters);
    }

    private static int ofLetters(String letters) {
        String w = letters.replace("qu", "q");
        int syllables = 0;
        int i = 0;
        while (i < w.length()) {
            if (!isVowel(w, i)) {
                i++;
                continue;
            }
            syllables++;
            boolean pair = i + 1 < w.length() && ONE_SOUND.contains(w.substring(i, i + 2));
            i += pair ? 2 : 1;
        }
        return Math.max(1, syllables);
    }

    /** y is a consonant at the start of a word before a vowel ("Yoga"). */
    private static boolean isVowel(String w, int i) {
        char c = w.charAt(i);
        if (c == 'y' && i == 0 && w.length() > 1 && VOWELS.indexOf(w.charAt(1)) >= 0) {
            return false;
        }
        return VOWELS.indexOf(c) >= 0;
    }
}
