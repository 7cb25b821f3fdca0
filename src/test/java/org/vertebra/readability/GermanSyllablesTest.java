package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** German syllables, word by word, as the Duden divides them. */
class GermanSyllablesTest {

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @CsvSource({
            "Knie, 1, Knie (ie is one vowel)",
            "Arzt, 1, Arzt",
            "Rücken, 2, Rü-cken",
            "Schulter, 2, Schul-ter",
            "Bandscheibe, 3, Band-schei-be",
            "Operation, 5, O-pe-ra-ti-on",
            "Theater, 3, The-a-ter",
            "Feuer, 2, Feu-er",
            "Bauer, 2, Bau-er",
            "Wirbelsäule, 4, Wir-bel-säu-le",
            "Müdigkeit, 3, Mü-dig-keit",
            "Entzündung, 3, Ent-zün-dung",
            "Qualität, 3, Qua-li-tät (u after q is a consonant)",
            "Physiotherapie, 6, Phy-si-o-the-ra-pie",
            "Idee, 2, I-dee",
            "Beere, 2, Bee-re",
            "Arthrose, 3, Ar-thro-se",
            "Schmerzen, 2, Schmer-zen",
            "Knöchel, 2, Knö-chel"
    })
    void countsAsTheDudenDivides(String word, int syllables, String division) {
        assertThat(GermanSyllables.count(word)).as(division).isEqualTo(syllables);
    }
}
