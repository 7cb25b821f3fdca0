package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Amstad, FRE = 180 - words / sentences - 58.5 (syllables / words), and the first Wiener
 * Sachtextformel, WSTF1 = 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875, against counts done
 * by hand on a text written for the purpose.
 */
class GermanReadabilityTest {

    // Die(1) Ar-thro-se(3) ist(1) ei-ne(2) Er-kran-kung(3) der(1) Ge-len-ke(3): 7 words, 14 syllables.
    // Be-we-gung(3) lin-dert(2) die(1) Schmer-zen(2): 4 words, 8 syllables.
    // Am(1) 3(1) Tag(1) nach(1) der(1) O-pe-ra-ti-on(5) dür-fen(2) Sie(1) wie-der(2) ge-hen(2): 10 words, 17
    // syllables; "3." is an ordinal, not the end of a sentence.
    // 3 sentences, 21 words, 39 syllables. Three syllables or more (MS): Arthrose, Erkrankung, Gelenke,
    // Bewegung, Operation = 5. One syllable (ES): Die, ist, der, die, Am, 3, Tag, nach, der, Sie = 10.
    // More than six letters (IW): Arthrose, Erkrankung, Gelenke, Bewegung, lindert, Schmerzen, Operation = 7.
    private static final String TEXT = "Die Arthrose ist eine Erkrankung der Gelenke. Bewegung lindert die Schmerzen."
            + " Am 3. Tag nach der Operation dürfen Sie wieder gehen.";

    @Test
    void givesTheWienerSachtextformelAsTheSchoolGrade() {
        // WSTF1 = 0.1935 x 100 x 5/21 + 0.1672 x 21/3 + 0.1297 x 100 x 7/21 - 0.0327 x 100 x 10/21 - 0.875
        //       = 4.6071 + 1.1704 + 4.3233 - 1.5571 - 0.875 = 7.669
        ReadabilityReport r = Readability.of(TEXT, "de");

        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.words()).isEqualTo(21);
        assertThat(r.syllables()).isEqualTo(39);
        assertThat(r.polysyllables()).isEqualTo(5);
        FormulaScore wstf = r.language().scores().get(0);
        assertThat(wstf.formula()).contains("Wiener Sachtextformel");
        assertThat(wstf.isGrade()).isTrue();
        assertThat(wstf.value()).isCloseTo(7.669, within(0.001));
        assertThat(wstf.band()).isEqualTo("school grade 8");
        assertThat(r.readingGrade()).isCloseTo(7.669, within(0.001));
        assertThat(r.aboveTarget()).as("within grade 8").isFalse();
    }

    @Test
    void givesAmstadsReadingEase() {
        // Amstad = 180 - 21/3 - 58.5 x 39/21 = 180 - 7 - 108.643 = 64.357: standard.
        FormulaScore amstad = Readability.of(TEXT, "de-AT").language().scores().get(1);

        assertThat(amstad.formula()).contains("Amstad");
        assertThat(amstad.value()).isCloseTo(64.357, within(0.001));
        assertThat(amstad.band()).isEqualTo("standard");
    }

    @Test
    void endsASentenceAtAFullStopAfterANumberOnlyInOtherLanguages() {
        String text = "Am 3. Tag geht es besser.";

        assertThat(Readability.of(text, "de").sentences()).isEqualTo(1);
        assertThat(Readability.of(text, "en").sentences()).isEqualTo(2);
    }
}
