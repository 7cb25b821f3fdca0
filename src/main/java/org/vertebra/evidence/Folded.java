package org.vertebra.evidence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for comparison: lower case, accents and apostrophes dropped, and every other run of
 * non-letters and non-digits turned into one space, so "Müller", "muller" and "O’Brien" / "OBrien"
 * compare equal, and so do two references that differ only in punctuation.
 */
final class Folded {

    private Folded() {
    }

    static String of(String text) {
        String noAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noAccents.toLowerCase(Locale.ROOT)
                .replaceAll("['’]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
