package org.vertebra.readability;

import java.util.List;

/**
 * How hard a text is to read, by the measures editors of patient material use.
 *
 * @param fleschReadingEase   206.835 - 1.015 (words / sentences) - 84.6 (syllables / words);
 *                            higher is easier, 60-70 is plain English; NaN when there are no words
 * @param fleschKincaidGrade  0.39 (words / sentences) + 11.8 (syllables / words) - 15.59, a US
 *                            school grade; NaN when there are no words
 * @param longSentences       sentences over 25 words, in order
 * @param passiveShare        passive sentences / sentences, from 0 to 1 (0 when there are none)
 * @param polysyllables       words of three or more syllables, as SMOG counts them (numbers written in digits are not)
 * @param complexWords        words of three or more syllables as Gunning counts them: not capitalised names
 *                            inside a sentence, not hyphenated compounds, and not three syllables only through
 *                            an -ed, -es or -ing ending
 * @param smogGrade           1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291 (McLaughlin 1969), every
 *                            sentence counted (see {@link Readability}); NaN when there are no sentences
 * @param gunningFog          0.4 (words / sentences + 100 complexWords / words); NaN when there are no words
 * @param language            the text's language and its own formulas' scores. For a language other than
 *                            English the English figures (the two Flesch scores, SMOG, Fog, passive sentences)
 *                            are NaN or 0: they were made for English syllables and sentences and mean nothing
 *                            in another language
 */
public record ReadabilityReport(
        int sentences,
        int words,
        int syllables,
        double fleschReadingEase,
        double fleschKincaidGrade,
        List<LongSentence> longSentences,
        int passiveSentences,
        double passiveShare,
        int polysyllables,
        int complexWords,
        double smogGrade,
        double gunningFog,
        LanguageReadability language) {

    /**
     * Patient-education material should read at US grade 8 or lower: the usual ceiling in health
     * literacy guidance (the NIH advises grade 7 to 8; the AMA asks for lower still).
     */
    public static final double TARGET_GRADE = 8.0;

    /**
     * The grade the editor's advice aims at: patient-education guidance commonly recommends grade
     * 6 to 8, and the lower end is what most readers take in easily.
     */
    public static final double ADVICE_GRADE = 6.0;

    public ReadabilityReport {
        longSentences = List.copyOf(longSentences);
    }

    /**
     * True when the text reads above {@link #TARGET_GRADE} (English) or misses its language's target
     * (INFLESZ 55 for Spanish, ...); an empty text, or one in a language without a validated
     * formula, is never above it.
     */
    public boolean aboveTarget() {
        return language.isEnglish() ? fleschKincaidGrade > TARGET_GRADE : !language.onTarget();
    }

    /** The same report with every line moved down, as when the text starts below a file's front matter. */
    public ReadabilityReport movedDown(int lines) {
        return new ReadabilityReport(sentences, words, syllables, fleschReadingEase, fleschKincaidGrade,
                longSentences.stream().map(s -> s.movedDown(lines)).toList(), passiveSentences, passiveShare,
                polysyllables, complexWords, smogGrade, gunningFog, language);
    }

    /**
     * One grade for the whole text: the mean of Flesch-Kincaid, SMOG and Gunning Fog, which
     * disagree with each other by a grade or two on most texts (studies of patient material usually
     * report several and their mean). NaN when there is no prose. The site's publishing limit uses it.
     * In another language, the grade its formula gives (German's Wiener Sachtextformel), or NaN when
     * its formulas give no grade (Spanish, French) or it has none: a reading-ease score is not a grade.
     */
    public double readingGrade() {
        if (sentences == 0 || words == 0) {
            return Double.NaN;
        }
        if (!language.isEnglish()) {
            return language.schoolGrade();
        }
        return (fleschKincaidGrade + smogGrade + gunningFog) / 3;
    }

    /**
     * Whether the reading grade is at or under the advice grade (an empty text is); for a language
     * whose formulas give no grade, whether it reaches its language's target.
     */
    public boolean withinAdvice() {
        if (!language.isEnglish() && Double.isNaN(language.schoolGrade())) {
            return language.onTarget();
        }
        return Double.isNaN(readingGrade()) || readingGrade() <= ADVICE_GRADE;
    }
}
