package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SMOG = 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291 and Gunning Fog =
 * 0.4 (words / sentences + 100 complex words / words), against counts done by hand on our own
 * sample texts, and the section-by-section figures.
 */
class GradeFormulasTest {

    @Test
    void matchesHandCountsOnAShortPatientText() {
        // The patient had a fracture of the femur (8 words). Recovery took several months (4).
        // Physiotherapy helped a lot (4). 3 sentences, 16 words; three or more syllables:
        // Recovery, several, Physiotherapy (3; the capitals start sentences, so Fog counts them too).
        // SMOG = 1.0430 sqrt(3 x 30 / 3) + 3.1291 = 8.842; Fog = 0.4 (16/3 + 100 x 3/16) = 9.633.
        ReadabilityReport r = Readability.of(
                "The patient had a fracture of the femur. Recovery took several months. Physiotherapy helped a lot.");

        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.words()).isEqualTo(16);
        assertThat(r.polysyllables()).isEqualTo(3);
        assertThat(r.complexWords()).isEqualTo(3);
        assertThat(r.smogGrade()).isCloseTo(8.842, within(0.01));
        assertThat(r.gunningFog()).isCloseTo(9.633, within(0.01));
    }

    @Test
    void fogLeavesOutNamesCompoundsAndEndingsThatSmogCounts() {
        // We went to Australia (4 words). The well-established treatment repeated (4).
        // Complicated surgery followed (3). 3 sentences, 11 words.
        // SMOG polysyllables: Australia, well-established, repeated, Complicated, surgery (5).
        // Fog complex: Complicated and surgery only (Australia is a name inside a sentence,
        // well-established a compound, repeated three syllables only through -ed: "repeat" has two).
        // SMOG = 1.0430 sqrt(5 x 30 / 3) + 3.1291 = 10.504; Fog = 0.4 (11/3 + 100 x 2/11) = 8.739.
        ReadabilityReport r = Readability.of(
                "We went to Australia. The well-established treatment repeated. Complicated surgery followed.");

        assertThat(r.words()).isEqualTo(11);
        assertThat(r.polysyllables()).isEqualTo(5);
        assertThat(r.complexWords()).isEqualTo(2);
        assertThat(r.smogGrade()).isCloseTo(10.504, within(0.01));
        assertThat(r.gunningFog()).isCloseTo(8.739, within(0.01));
    }

    @Test
    void numbersInDigitsAreNotPolysyllables() {
        ReadabilityReport r = Readability.of("In 2024 it was 1,500 steps.");

        assertThat(r.polysyllables()).isZero();
        assertThat(r.smogGrade()).isCloseTo(3.1291, within(0.001));
    }

    @Test
    void theReadingGradeIsTheMeanOfTheThreeGrades() {
        ReadabilityReport r = Readability.of("Rest the knee. Use ice for ten minutes. See your doctor if the pain gets worse.");

        assertThat(r.readingGrade()).isCloseTo((r.fleschKincaidGrade() + r.smogGrade() + r.gunningFog()) / 3, within(1e-9));
        assertThat(r.withinAdvice()).isTrue();
        assertThat(Readability.of("").readingGrade()).isNaN();
    }

    @Test
    void scoresEachSectionUnderItsLevelTwoHeading() {
        String markdown = """
                Rest the knee. Use ice.

                ## What surgery involves

                Arthroscopic meniscectomy necessitates considerable postoperative rehabilitation.

                ### A smaller heading stays in its section

                Physiotherapy is individualised.

                ## Going home

                Walk a little each day.

                ## References

                1. Smith A. A study. BMJ. 2015;1:1-2.
                """;

        List<SectionReadability> sections = Readability.bySection(markdown);

        assertThat(sections).extracting(SectionReadability::heading)
                .containsExactly(SectionReadability.OPENING, "What surgery involves", "Going home");
        assertThat(sections).extracting(SectionReadability::line).containsExactly(1, 3, 11);
        assertThat(sections.get(1).report().sentences()).isEqualTo(2);
        assertThat(sections.get(1).report().withinAdvice()).isFalse();
        assertThat(sections.get(2).report().withinAdvice()).isTrue();
    }
}
