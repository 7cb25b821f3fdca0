package org.vertebra.readability;

/**
 * Fernández Huerta's reading ease for Spanish (J. Fernández Huerta, "Medidas sencillas de
 * lecturabilidad", Consigna 214, 1959), the first adaptation of Flesch's formula to Spanish:
 * L = 206.84 - 0.60 P - 1.02 F, where P is the syllables per 100 words and F the words per
 * sentence. Many secondary sources quote F as "sentences per 100 words", which would make more,
 * shorter sentences read harder; the formula follows Flesch's, in which the term is the mean
 * sentence length, and that is how it is computed here (0.60 P = 60 syllables per word). Its
 * scale follows Flesch's: 0 to 100, higher is easier, 60 to 70 "normal".
 */
final class FernandezHuerta {

    private FernandezHuerta() {
    }

    static double of(TextCounts c) {
        return 206.84 - 60 * c.syllablesPerWord() - 1.02 * c.wordsPerSentence();
    }

    static FormulaScore score(TextCounts c) {
        double value = of(c);
        return new FormulaScore("Fernández-Huerta reading ease", "Fernández Huerta, 1959", value, band(value),
                "0 to 100, higher is easier", "", true, false);
    }

    /** Fernández Huerta's bands, as Flesch's. */
    static String band(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value < 30) {
            return "muy difícil";
        }
        if (value < 50) {
            return "difícil";
        }
        if (value < 60) {
            return "algo difícil";
        }
        if (value < 70) {
            return "normal";
        }
        if (value < 80) {
            return "algo fácil";
        }
        return value < 90 ? "fácil" : "muy fácil";
    }
}
