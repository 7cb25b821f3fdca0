package org.vertebra.readability;

import java.util.Locale;

/**
 * Counts the spoken syllables of a French word by rule: each group of vowel letters is one
 * syllable, since French writes one vowel sound with several letters ("eau", "ou", "ai", "oi")
 * and says i, u and ou before another vowel as a glide (pied, na-tion); a final e or es after a
 * consonant is silent in speech (table, frac-tures), as are the u of "qu" and of "gu" before e or
 * i. A group is split where French says two vowels: at a diaeresis (na-ïf, No-ël), after an é
 * before another vowel that is not a silent ending (ré-el, cré-er, thé-â-tre, but i-dée), and
 * after i following a consonant and l or r (cri-er, cli-ent), the diaeresis that prosody calls
 * "diérèse". Kandel and Moles counted the syllables of speech, so this counter does.
 *
 * <p>Limits: the verb ending -ent is silent ("ils marchent") while the same letters in "souvent"
 * or "patient" are said; without a dictionary the counter cannot tell them apart and counts the
 * ending. Glides after u ("nuage", "situation") are taken as one syllable with the next vowel.
 */
final class FrenchSyllables {

    private static final String VOWELS = "aàâäeéèêëiîïoôöuùûüyÿœæ";

    private FrenchSyllables() {
    }

    static int count(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (lower.indexOf('-') >= 0 || lower.indexOf('\'') >= 0) {
            int sum = 0;
            for (String part : lower.split("[-']+")) {
                // the elided "l'", "d'", "qu'" joins the next word's first syllable
                sum += part.chars().anyMatch(c -> VOWELS.indexOf(c) >= 0) && !part.equals("qu") ? count(part) : 0;
            }
            return Math.max(1, sum);
        }
        String letters = lower.replaceAll("[^\\p{L}]", "");
        if (letters.isEmpty()) {
            return SyllableWords.digits(lower);
        }
        String w = letters.replaceAll("qu", "q").replaceAll("gu(?=[eéèêiîy])", "g");
        int syllables = 0;
        int groups = 0;
        int lastGroupStart = -1;
        int i = 0;
        while (i < w.length()) {
            if (!isVowel(w, i)) {
                i++;
                continue;
            }
            groups++;
            syllables++;
            lastGroupStart = i;
            int j = i + 1;
            while (j < w.length() && isVowel(w, j)) {
                if (splitsBefore(w, j)) {
                    syllables++;
                }
                j++;
            }
            i = j;
        }
        if (groups > 1 && silentFinalE(w, lastGroupStart)) {
            syllables--;
        }
        return Math.max(1, syllables);
    }

    /** y is a consonant before a vowel at the start of a word or after a vowel ("yeux", "payer"). */
    private static boolean isVowel(String w, int i) {
        char c = w.charAt(i);
        if (c == 'y' && i + 1 < w.length() && VOWELS.indexOf(w.charAt(i + 1)) >= 0
                && (i == 0 || VOWELS.indexOf(w.charAt(i - 1)) >= 0)) {
            return false;
        }
        return VOWELS.indexOf(c) >= 0;
    }

    /** Whether the vowel at {@code j} starts a syllable of its own inside a vowel group. */
    private static boolean splitsBefore(String w, int j) {
        char before = w.charAt(j - 1);
        char c = w.charAt(j);
        if ((c == 'ï' || c == 'ë' || c == 'ü') && !(c == 'ë' && before == 'u')) {
            return true; // the diaeresis says so; in "aiguë" it only makes the u heard
        }
        if (before == 'é' && !isSilentEnding(w.substring(j))) {
            return true;
        }
        return before == 'i' && j >= 3 && "lr".indexOf(w.charAt(j - 2)) >= 0
                && VOWELS.indexOf(w.charAt(j - 3)) < 0 && w.charAt(j - 3) != w.charAt(j - 2);
    }

    private static boolean isSilentEnding(String rest) {
        return rest.equals("e") || rest.equals("es") || rest.equals("ent");
    }

    /** A final "e" or "es" that forms a vowel group of its own after a consonant ("table", "fractures"). */
    private static boolean silentFinalE(String w, int lastGroupStart) {
        String rest = w.substring(lastGroupStart);
        return (rest.equals("e") || rest.equals("es")) && lastGroupStart > 0;
    }
}
