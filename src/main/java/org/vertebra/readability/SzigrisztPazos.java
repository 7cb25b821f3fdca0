package org.vertebra.readability;

/**
 * Szigriszt-Pazos' perspicuity index for Spanish (F. Szigriszt Pazos, "Sistemas predictivos de
 * legibilidad del mensaje escrito: fórmula de perspicuidad", doctoral thesis, Universidad
 * Complutense de Madrid, 1993): P = 206.835 - 62.3 S/W - W/F, with S syllables, W words and F
 * sentences; read on the INFLESZ scale (P. Barrio-Cantalejo et al., "Validación de la Escala
 * INFLESZ para evaluar la legibilidad de los textos dirigidos a pacientes", Anales del Sistema
 * Sanitario de Navarra 31(2), 2008): under 40 muy difícil, 40 to 55 algo difícil, 55 to 65 normal,
 * 65 to 80 bastante fácil, 80 and over muy fácil. INFLESZ was validated on texts for patients, and
 * its authors set 55 ("normal") as the least that such a text should reach.
 */
final class SzigrisztPazos {

    /** The INFLESZ score patient material should reach: "normal" or easier. */
    static final double INFLESZ_TARGET = 55;

    private SzigrisztPazos() {
    }

    static double of(TextCounts c) {
        return 206.835 - 62.3 * c.syllablesPerWord() - c.wordsPerSentence();
    }

    static FormulaScore score(TextCounts c) {
        double value = of(c);
        return new FormulaScore("Szigriszt-Pazos perspicuity on the INFLESZ scale",
                "Szigriszt Pazos, 1993; INFLESZ: Barrio-Cantalejo et al., 2008", value, band(value),
                "0 to 100, higher is easier", "55 or more (\u201cnormal\u201d or easier)",
                Double.isNaN(value) || value >= INFLESZ_TARGET, false);
    }

    static String band(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value < 40) {
            return "muy difícil";
        }
        if (value < 55) {
            return "algo difícil";
        }
        if (value < 65) {
            return "normal";
        }
        return value < 80 ? "bastante fácil" : "muy fácil";
    }
}
