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
 */
public record ReadabilityReport(
        int sentences,
        int words,
        int syllables,
        double fleschReadingEase,
        double fleschKincaidGrade,
        List<LongSentence> longSentences,
        int passiveSentences,
        double passiveShare) {

    /**
     * Patient-education material should read at US grade 8 or lower: the usual ceiling in health
     * literacy guidance (the NIH advises grade 7 to 8; the AMA asks for lower still).
     */
    public static final double TARGET_GRADE = 8.0;

    public ReadabilityReport {
        longSentences = List.copyOf(longSentences);
    }

    /** True when the text reads above {@link #TARGET_GRADE}; an empty text is never above it. */
    public boolean aboveTarget() {
        return fleschKincaidGrade > TARGET_GRADE;
    }

    /** The same report with every line moved down, as when the text starts below a file's front matter. */
    public ReadabilityReport movedDown(int lines) {
        return new ReadabilityReport(sentences, words, syllables, fleschReadingEase, fleschKincaidGrade,
                longSentences.stream().map(s -> s.movedDown(lines)).toList(), passiveSentences, passiveShare);
    }
}
