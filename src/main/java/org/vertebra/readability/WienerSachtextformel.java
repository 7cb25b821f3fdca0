package org.vertebra.readability;

import java.util.Locale;

/**
 * The first Wiener Sachtextformel (R. Bamberger and E. Vanecek, "Lesen - Verstehen - Lernen -
 * Schreiben: Die Schwierigkeitsstufen von Texten in deutscher Sprache", Jugend und Volk, Wien,
 * 1984), made for non-fiction: WSTF1 = 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875,
 * where MS is the percentage of words of three syllables or more, SL the mean sentence length in
 * words, IW the percentage of words of more than six letters and ES the percentage of words of one
 * syllable. It gives a school grade (Schulstufe, from 4, very easy, to 15, very hard): a year of
 * schooling, as a US grade is, so the site's grade limit and the patient target of grade 8 apply
 * to it as they do to the English grade.
 */
final class WienerSachtextformel {

    private WienerSachtextformel() {
    }

    static double of(TextCounts c) {
        return 0.1935 * c.percentOfWords(c.polysyllables()) + 0.1672 * c.wordsPerSentence()
                + 0.1297 * c.percentOfWords(c.longWords()) - 0.0327 * c.percentOfWords(c.monosyllables()) - 0.875;
    }

    /** The school grade, within the scale's 4 to 15. */
    static String band(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value > 15.5) {
            return "beyond school grade 15";
        }
        return value < 4.5 ? "school grade 4 or lower" : String.format(Locale.ROOT, "school grade %.0f", value);
    }

    static FormulaScore score(TextCounts c) {
        double value = of(c);
        return new FormulaScore("Wiener Sachtextformel (WSTF1)", "Bamberger and Vanecek, 1984", value,
                band(value),
                "school grade, 4 (very easy) to 15 (very hard)",
                String.format(Locale.ROOT, "grade %.0f or lower", ReadabilityReport.TARGET_GRADE),
                Double.isNaN(value) || value <= ReadabilityReport.TARGET_GRADE, true);
    }
}
