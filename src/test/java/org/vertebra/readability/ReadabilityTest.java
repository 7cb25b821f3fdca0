package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Flesch Reading Ease = 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words) and
 * Flesch-Kincaid grade = 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59, against
 * published figures and against counts done by hand.
 */
class ReadabilityTest {

    @Test
    void matchesThePublishedPlatypusExample() {
        // Wikipedia, "Flesch-Kincaid readability tests": 13 words, 24 syllables, one sentence,
        // grade 11.3 and reading ease 37.5.
        ReadabilityReport report = Readability.of("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");

        assertThat(report.words()).isEqualTo(13);
        assertThat(report.syllables()).isEqualTo(24);
        assertThat(report.fleschKincaidGrade()).isCloseTo(11.3, within(0.5));
        assertThat(report.fleschReadingEase()).isCloseTo(37.5, within(0.5));
    }

    @Test
    void matchesHandCountsForTheCatOnTheMat() {
        // 6 words, 6 syllables, 1 sentence: grade 0.39*6 + 11.8*1 - 15.59 = -1.45,
        // ease 206.835 - 1.015*6 - 84.6*1 = 116.145
        ReadabilityReport report = Readability.of("The cat sat on the mat.");

        assertCounts(report, 1, 6, 6);
        assertScores(report, -1.45, 116.145);
    }

    @Test
    void matchesHandCountsForShortPatientAdvice() {
        // Rest(1) the(1) knee(1) / Use(1) ice(1) for(1) ten(1) minutes(2) / See(1) your(1) doctor(2)
        // if(1) the(1) pain(1) gets(1) worse(1): 3 sentences, 16 words, 18 syllables.
        // grade 0.39*16/3 + 11.8*18/16 - 15.59 = -0.235; ease 206.835 - 1.015*16/3 - 84.6*18/16 = 106.247
        ReadabilityReport report = Readability.of("Rest the knee. Use ice for ten minutes.\nSee your doctor if the pain gets worse.");

        assertCounts(report, 3, 16, 18);
        assertScores(report, -0.235, 106.247);
        assertThat(report.aboveTarget()).isFalse();
    }

    @Test
    void listsSentencesOverTwentyFiveWordsWithTheirLine() {
        String text = """
                Short one.

                This sentence goes on and on, because it keeps adding one more clause, and then another, and then
                yet another one, until it has far more than twenty five words in it.
                """;

        ReadabilityReport report = Readability.of(text);

        assertThat(report.longSentences()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(3);
            assertThat(s.words()).isEqualTo(32);
            assertThat(s.text()).startsWith("This sentence goes on").endsWith("words in it.");
        });
        assertThat(report.movedDown(10).longSentences().get(0).line()).isEqualTo(13);
    }

    @Test
    void givesTheShareOfPassiveSentences() {
        ReadabilityReport report = Readability.of("The bone was broken. The surgeon fixed it. It healed well. A cast was used.");

        assertThat(report.passiveSentences()).isEqualTo(2);
        assertThat(report.passiveShare()).isEqualTo(0.5);
    }

    @Test
    void dissertationProseIsAboveThePatientTarget() {
        ReadabilityReport report = Readability.of("Osteoarthritis is a degenerative musculoskeletal condition characterised "
                + "by progressive articular cartilage deterioration and subchondral bone remodelling.");

        assertThat(report.fleschKincaidGrade()).isGreaterThan(ReadabilityReport.TARGET_GRADE);
        assertThat(report.aboveTarget()).isTrue();
    }

    @Test
    void readsOnlyTheProseOfAMarkdownBody() {
        String body = """
                # A heading with many long polysyllabic words

                Rest the knee. **Use ice** for [ten minutes](https://example.org/ice).

                ```
                code is not prose. neither is this.
                ```

                - See your doctor if the pain gets worse

                | Table | cells |
                | --- | --- |
                | are | labels |

                ## References
                - Author A. A long title of an article about osteoarthritis. Journal. 2012.
                """;

        ReadabilityReport report = Readability.ofMarkdown(body);

        assertCounts(report, 3, 16, 18);
    }

    @Test
    void anEmptyTextHasNoScoresAndIsNotAboveTarget() {
        ReadabilityReport report = Readability.of("  \n");

        assertThat(report.sentences()).isZero();
        assertThat(report.fleschKincaidGrade()).isNaN();
        assertThat(report.aboveTarget()).isFalse();
        assertThat(report.passiveShare()).isZero();
    }

    private static void assertCounts(ReadabilityReport report, int sentences, int words, int syllables) {
        assertThat(new int[] {report.sentences(), report.words(), report.syllables()})
                .as("sentences, words, syllables").containsExactly(sentences, words, syllables);
    }

    private static void assertScores(ReadabilityReport report, double grade, double ease) {
        assertThat(report.fleschKincaidGrade()).as("grade").isCloseTo(grade, within(0.01));
        assertThat(report.fleschReadingEase()).as("reading ease").isCloseTo(ease, within(0.01));
    }
}
