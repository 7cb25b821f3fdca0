package org.vertebra.readability;

import java.util.Locale;

/**
 * Counts the syllables of a Spanish word by the rules of Spanish orthography (Real Academia
 * Española, Ortografía 2010, ch. I §4): each vowel group is one syllable, since a weak vowel
 * (i, u, ü) beside another vowel forms a diphthong or triphthong with it (hue-so, buey), except
 * where the group has a hiatus: two strong vowels (a, e, o) side by side (po-e-ta, le-er), or a
 * weak vowel written with an accent (dí-a, o-í-do, pa-ís). The u of "que", "qui", "gue", "gui"
 * is silent (qui-rúr-gi-co, gue-rra), and "ü" is said (pin-güi-no). A final y after a vowel
 * closes a diphthong (muy, hoy, rey), and the word "y" is a syllable.
 *
 * <p>Limits: an h between vowels is taken to separate them (a-ho-ra, pro-hí-be), which is right
 * for most words but splits the diphthong some speakers make in "rehusar"; and a word that the
 * orthography writes as a diphthong but many speakers say as a hiatus ("cru-el", "gui-on") counts
 * as the orthography has it. Numbers in digits count one syllable a digit, at most four, as the
 * English counter does.
 */
final class SpanishSyllables {

    private SpanishSyllables() {
    }

    static int count(String word) {
        return SyllableWords.count(word.toLowerCase(Locale.ROOT), SpanishSyllables::ofLetters);
    }

    private static int ofLetters(String letters) {
        String w = letters.replaceAll("([qg])u(?=[eéií])", "$1");
        int syllables = 0;
        int i = 0;
        while (i < w.length()) {
            if (!isVowel(w, i)) {
                i++;
                continue;
            }
            syllables++;
            int j = i + 1;
            while (j < w.length() && isVowel(w, j)) {
                if (hiatus(w.charAt(j - 1), w.charAt(j))) {
                    syllables++;
                }
                j++;
            }
            i = j;
        }
        return Math.max(1, syllables);
    }

    /** y is a vowel when no vowel follows it: "muy", "rey", "y"; a consonant in "ya", "mayo", "ayuda". */
    private static boolean isVowel(String w, int i) {
        char c = w.charAt(i);
        if (c == 'y') {
            return i + 1 >= w.length() || !isVowelLetter(w.charAt(i + 1));
        }
        return isVowelLetter(c);
    }

    private static boolean isVowelLetter(char c) {
        return "aeiouáéíóúü".indexOf(c) >= 0;
    }

    private static boolean hiatus(char a, char b) {
        boolean sameWeak = a == b && "iu".indexOf(a) >= 0; // chi-i-ta
        return isStrong(a) && isStrong(b) || isAccentedWeak(a) || isAccentedWeak(b) || sameWeak;
    }

    private static boolean isStrong(char c) {
        return "aeoáéó".indexOf(c) >= 0;
    }

    private static boolean isAccentedWeak(char c) {
        return c == 'í' || c == 'ú';
    }
}
