package org.vertebra.readability;

/**
 * Amstad's adaptation of Flesch's reading ease to German (T. Amstad, "Wie verständlich sind
 * unsere Zeitungen?", doctoral thesis, Universität Zürich, 1978): FRE = 180 - W/S - 58.5 Sy/W,
 * with W words, S sentences and Sy syllables, on Flesch's scale (0 to 100, higher is easier).
 * Shown beside the Wiener Sachtextformel, which gives the grade; it has no target of its own here.
 */
final class Amstad {

    private Amstad() {
    }

    static double of(TextCounts c) {
        return 180 - c.wordsPerSentence() - 58.5 * c.syllablesPerWord();
    }

    static FormulaScore score(TextCounts c) {
        double value = of(c);
        return new FormulaScore("Amstad reading ease", "Amstad, 1978", value, FleschBands.band(value),
                "0 to 100, higher is easier", "", true, false);
    }
}
