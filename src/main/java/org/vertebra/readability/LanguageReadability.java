package org.vertebra.readability;

import java.util.List;

/**
 * The readability formulas of a text's language and their scores. English keeps its own figures
 * in {@link ReadabilityReport} (Flesch-Kincaid, SMOG, Gunning Fog, Flesch reading ease) and has no
 * scores here; Spanish, French and German have their published adaptations; any other language has
 * none, and {@link #message()} says why no score is shown.
 *
 * @param tag  the BCP 47 tag the text was measured for ("es-MX")
 * @param name the language's name in English ("Spanish")
 */
public record LanguageReadability(String tag, String name, TextLanguage language, List<FormulaScore> scores) {

    public LanguageReadability {
        scores = List.copyOf(scores);
    }

    static LanguageReadability english() {
        return new LanguageReadability("en", "English", TextLanguage.ENGLISH, List.of());
    }

    public boolean isEnglish() {
        return language == TextLanguage.ENGLISH;
    }

    /** Whether a readability formula validated for the language measured the text. */
    public boolean hasValidatedFormula() {
        return language != TextLanguage.UNASSESSED;
    }

    /** Said instead of a score for a language without a validated formula; "" otherwise. */
    public String message() {
        if (hasValidatedFormula()) {
            return "";
        }
        return "No readability formula is validated for " + name + ", so no score is given: an English grade"
                + " would not measure how hard the text is to read. Words, sentences and long sentences are counted;"
                + " ask a reader of the language to check the text.";
    }

    /**
     * The school grade of the text when its language's formula gives one (English's mean grade is in
     * the report; German's is the Wiener Sachtextformel's); NaN for a language whose formulas give a
     * reading-ease score and not a grade, or none.
     */
    public double schoolGrade() {
        return scores.stream().filter(FormulaScore::isGrade).mapToDouble(FormulaScore::value).findFirst().orElse(Double.NaN);
    }

    /** Whether every score with a target reaches it (true for a language without formulas). */
    public boolean onTarget() {
        return scores.stream().filter(FormulaScore::hasTarget).allMatch(FormulaScore::onTarget);
    }

    /** The score the panel leads with: the first with a target, else the first; null when there is none. */
    public FormulaScore main() {
        return scores.stream().filter(FormulaScore::hasTarget).findFirst()
                .orElse(scores.isEmpty() ? null : scores.get(0));
    }
}
