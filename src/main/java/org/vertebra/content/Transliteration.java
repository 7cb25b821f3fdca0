package org.vertebra.content;

import java.util.HashMap;
import java.util.Map;

/**
 * Latin letters of their own (not an accent on another: æ, ø, ł, ß, ð, þ, ...) written as the
 * Latin letters people use for them in addresses, as WordPress does, and the Greek and Cyrillic
 * alphabets letter by letter (ELOT 743 and the common passport romanisations), so that a slug never
 * loses a letter of "Dr Zoë Ærøskøbing-Łódź" or of a Greek or Russian title. Asked for lowercase
 * letters with their accents already taken off.
 */
final class Transliteration {

    private static final Map<Integer, String> LETTERS = new HashMap<>();

    static {
        latin("æ ae", "ø o", "ł l", "ß ss", "đ d", "ð d", "þ th", "œ oe", "ı i", "ħ h", "ŧ t", "ĸ k", "ŋ ng",
                "ƒ f", "ə e", "ɛ e", "ɔ o", "ʒ z");
        latin("α a", "β v", "γ g", "δ d", "ε e", "ζ z", "η i", "θ th", "ι i", "κ k", "λ l", "μ m", "ν n", "ξ x",
                "ο o", "π p", "ρ r", "σ s", "ς s", "τ t", "υ y", "φ f", "χ ch", "ψ ps", "ω o");
        latin("а a", "б b", "в v", "г g", "ґ g", "д d", "ђ dj", "е e", "є ie", "ж zh", "з z", "ѕ dz", "и i", "і i",
                "ј j", "к k", "л l", "љ lj", "м m", "н n", "њ nj", "о o", "п p", "р r", "с s", "т t", "ћ c", "у u",
                "ф f", "х kh", "ц ts", "ч ch", "џ dz", "ш sh", "щ shch", "ы y", "э e", "ю iu", "я ia");
        // The hard and soft signs are no sounds of their own: nothing stands for them.
        LETTERS.put((int) 'ъ', "");
        LETTERS.put((int) 'ь', "");
    }

    private Transliteration() {
    }

    private static void latin(String... pairs) {
        for (String pair : pairs) {
            String[] parts = pair.split(" ");
            LETTERS.put(parts[0].codePointAt(0), parts[1]);
        }
    }

    /** The text with every letter this knows written in ASCII; anything else is left as it is. */
    static String toAscii(String lowercase) {
        StringBuilder out = new StringBuilder(lowercase.length());
        lowercase.codePoints().forEach(c -> {
            String written = LETTERS.get(c);
            if (written != null) {
                out.append(written);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
