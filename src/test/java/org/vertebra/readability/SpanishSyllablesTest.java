package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spanish syllables against the syllabification of the RAE's Ortografía (2010), word by word. */
class SpanishSyllablesTest {

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @CsvSource({
            "rodilla, 3, ro-di-lla",
            "hueso, 2, hue-so (diphthong ue)",
            "duele, 2, due-le",
            "día, 2, dí-a (accented weak vowel: hiatus)",
            "oído, 3, o-í-do",
            "país, 2, pa-ís",
            "poeta, 3, po-e-ta (two strong vowels: hiatus)",
            "leer, 2, le-er",
            "área, 3, á-re-a",
            "tendón, 2, ten-dón",
            "inflamación, 4, in-fla-ma-ción",
            "artrosis, 3, ar-tro-sis",
            "quirúrgico, 4, qui-rúr-gi-co (silent u after q)",
            "guerra, 2, gue-rra (silent u after g)",
            "pingüino, 3, pin-güi-no (ü is said)",
            "antiguo, 3, an-ti-guo",
            "ciudad, 2, ciu-dad",
            "muy, 1, muy (final y closes the diphthong)",
            "hoy, 1, hoy",
            "buey, 1, buey (triphthong)",
            "y, 1, y",
            "ayuda, 3, a-yu-da (y before a vowel is a consonant)",
            "ahora, 3, a-ho-ra",
            "traumatología, 6, trau-ma-to-lo-gí-a",
            "fisioterapia, 5, fi-sio-te-ra-pia",
            "vértebra, 3, vér-te-bra",
            "Ácido, 3, á-ci-do (capital with accent)",
            "Qué, 1, qué"
    })
    void countsAsTheOrthographyDivides(String word, int syllables, String division) {
        assertThat(SpanishSyllables.count(word)).as(division).isEqualTo(syllables);
    }
}
