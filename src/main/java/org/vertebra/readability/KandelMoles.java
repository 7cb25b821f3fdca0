package org.vertebra.readability;

/**
 * Kandel and Moles' adaptation of Flesch's reading ease to French (L. Kandel and A. Moles,
 * "Application de l'indice de Flesch à la langue française", Cahiers Études de Radio-Télévision
 * 19, 1958): L = 207 - 1.015 W/S - 73.6 Sy/W, with W words, S sentences and Sy syllables. Its
 * scale is Flesch's (0 to 100, higher is easier, 60 to 70 standard). No target for French patient
 * material has been validated; the panel holds French text to 60, the start of Flesch's
 * "standard" band that the scale was made to match, and says it is this project's choice.
 */
final class KandelMoles {

    static final double TARGET = 60;

    private KandelMoles() {
    }

    static double of(TextCounts c) {
        return 207 - 1.015 * c.wordsPerSentence() - 73.6 * c.syllablesPerWord();
    }

    static FormulaScore score(TextCounts c) {
        double value = of(c);
        return new FormulaScore("Kandel-Moles reading ease", "Kandel and Moles, 1958", value, FleschBands.band(value),
                "0 to 100, higher is easier", "60 or more (Flesch's \u201cstandard\u201d band; this project's choice)",
                Double.isNaN(value) || value >= TARGET, false);
    }
}
