package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** French spoken syllables, word by word, as a French speaker says them. */
class FrenchSyllablesTest {

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @CsvSource({
            "genou, 2, ge-nou",
            "douleur, 2, dou-leur",
            "table, 1, table (final e silent)",
            "fractures, 2, frac-tures (final es silent)",
            "hanche, 1, hanche",
            "épaule, 2, é-paule",
            "articulation, 5, ar-ti-cu-la-tion (-tion is one syllable)",
            "chirurgie, 3, chi-rur-gie",
            "kinésithérapeute, 6, ki-né-si-thé-ra-peute",
            "eau, 1, eau",
            "oiseau, 2, oi-seau",
            "année, 2, an-née",
            "réel, 2, ré-el (é before a vowel)",
            "créer, 2, cré-er",
            "théâtre, 2, thé-âtre",
            "naïf, 2, na-ïf (diaeresis)",
            "Noël, 2, No-ël",
            "crier, 2, cri-er (i after consonant and r)",
            "client, 2, cli-ent",
            "bien, 1, bien (glide)",
            "radio, 2, ra-dio",
            "que, 1, que",
            "les, 1, les",
            "guérir, 2, gué-rir (silent u after g)",
            "l'arthroplastie, 4, lar-thro-plas-tie (elided article)",
            "médecin, 3, mé-de-cin",
            "Œdème, 2, œ-dème"
    })
    void countsTheSyllablesOfSpeech(String word, int syllables, String division) {
        assertThat(FrenchSyllables.count(word)).as(division).isEqualTo(syllables);
    }
}
