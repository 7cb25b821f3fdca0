package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Kandel-Moles, L = 207 - 1.015 (words / sentences) - 73.6 (syllables / words), against counts
 * done by hand on texts written for the purpose.
 */
class FrenchReadabilityTest {

    @Test
    void scoresAPlainTextAsEasy() {
        // Le(1) ge-nou(2) fait(1) mal(1): 4 words, 5 syllables. Le(1) mé-de-cin(3) re-garde(2) la(1) ra-dio(2):
        // 5 words, 9. Que(1) faire(1) main-te-nant(3) ? (a space before the question mark, as French writes it):
        // 3 words, 5. 3 sentences, 12 words, 19 syllables.
        // Kandel-Moles = 207 - 1.015 x 12/3 - 73.6 x 19/12 = 207 - 4.06 - 116.533 = 86.407.
        ReadabilityReport r = Readability.of(
                "Le genou fait mal. Le médecin regarde la radio. Que faire maintenant ?", "fr");

        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.words()).isEqualTo(12);
        assertThat(r.syllables()).isEqualTo(19);
        FormulaScore score = r.language().scores().get(0);
        assertThat(score.formula()).contains("Kandel-Moles");
        assertThat(score.value()).isCloseTo(86.407, within(0.001));
        assertThat(score.band()).isEqualTo("easy");
        assertThat(r.aboveTarget()).isFalse();
        assertThat(r.readingGrade()).isNaN();
    }

    @Test
    void scoresADenseTextAsVeryDifficult() {
        // L'ar-thro-plas-tie(4) to-tale(2) du(1) ge-nou(2) a-mé-liore(3) con-si-dé-ra-ble-ment(6, the counter says
        // the e of "-ble-" as written) la(1) mo-bi-li-té(4) ar-ti-cu-laire(4): 1 sentence, 9 words, 27 syllables.
        // Kandel-Moles = 207 - 1.015 x 9 - 73.6 x 27/9 = 207 - 9.135 - 220.8 = -22.935.
        ReadabilityReport r = Readability.of(
                "L'arthroplastie totale du genou améliore considérablement la mobilité articulaire.", "fr");

        assertThat(r.words()).isEqualTo(9);
        assertThat(r.syllables()).isEqualTo(27);
        assertThat(r.language().scores().get(0).value()).isCloseTo(-22.935, within(0.001));
        assertThat(r.aboveTarget()).isTrue();
    }

    @Test
    void keepsFrenchAbbreviationsInsideTheSentence() {
        // "Mme." and "p. ex." do not end a sentence; the guillemets close the first one.
        ReadabilityReport r = Readability.of("Mme. Martin dit « Bougez un peu. » Marchez, p. ex. au parc.", "fr");

        assertThat(r.sentences()).isEqualTo(2);
    }
}
