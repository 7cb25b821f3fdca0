package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fernández-Huerta, L = 206.84 - 60 (syllables / words) - 1.02 (words / sentences), and
 * Szigriszt-Pazos, P = 206.835 - 62.3 (syllables / words) - words / sentences, read on the INFLESZ
 * scale, against counts done by hand on texts written for the purpose.
 */
class SpanishReadabilityTest {

    @Test
    void scoresAPlainTextAsMuyFacilAndOnTarget() {
        // La ro-di-lla due-le (3 words, 1 + 3 + 2 = 6 syllables). El mé-di-co mi-ra el hue-so (5 words,
        // 1 + 3 + 2 + 1 + 2 = 9). ¿Qué ha-go a-ho-ra? (3 words, 1 + 2 + 3 = 6).
        // 3 sentences, 11 words, 21 syllables.
        // Szigriszt-Pazos = 206.835 - 62.3 x 21/11 - 11/3 = 206.835 - 118.936 - 3.667 = 84.232: muy fácil.
        // Fernández-Huerta = 206.84 - 60 x 21/11 - 1.02 x 11/3 = 206.84 - 114.545 - 3.740 = 88.555.
        ReadabilityReport r = Readability.of("La rodilla duele. El médico mira el hueso. ¿Qué hago ahora?", "es");

        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.words()).isEqualTo(11);
        assertThat(r.syllables()).isEqualTo(21);
        FormulaScore inflesz = r.language().scores().get(0);
        FormulaScore huerta = r.language().scores().get(1);
        assertThat(inflesz.formula()).contains("Szigriszt-Pazos");
        assertThat(inflesz.value()).isCloseTo(84.232, within(0.001));
        assertThat(inflesz.band()).isEqualTo("muy fácil");
        assertThat(inflesz.onTarget()).isTrue();
        assertThat(huerta.formula()).contains("Fernández-Huerta");
        assertThat(huerta.value()).isCloseTo(88.555, within(0.001));
        assertThat(r.aboveTarget()).isFalse();
    }

    @Test
    void scoresADenseTextAsMuyDificilAndBelowTheInfleszTarget() {
        // La(1) ar-tro-plas-tia(4) to-tal(2) de(1) ro-di-lla(3) re-du-ce(3) con-si-de-ra-ble-men-te(7) el(1)
        // do-lor(2) ar-ti-cu-lar(4) cró-ni-co(3): 1 sentence, 11 words, 31 syllables.
        // Szigriszt-Pazos = 206.835 - 62.3 x 31/11 - 11 = 20.262: muy difícil, under 55.
        // Fernández-Huerta = 206.84 - 60 x 31/11 - 1.02 x 11 = 26.529.
        ReadabilityReport r = Readability.of(
                "La artroplastia total de rodilla reduce considerablemente el dolor articular crónico.", "es");

        assertThat(r.words()).isEqualTo(11);
        assertThat(r.syllables()).isEqualTo(31);
        assertThat(r.language().scores().get(0).value()).isCloseTo(20.262, within(0.001));
        assertThat(r.language().scores().get(0).band()).isEqualTo("muy difícil");
        assertThat(r.language().scores().get(1).value()).isCloseTo(26.529, within(0.001));
        assertThat(r.aboveTarget()).isTrue();
        assertThat(r.withinAdvice()).isFalse();
    }

    @Test
    void readsTheInfleszBandsAsBarrioCantalejoPublishedThem() {
        assertThat(SzigrisztPazos.band(39.9)).isEqualTo("muy difícil");
        assertThat(SzigrisztPazos.band(40)).isEqualTo("algo difícil");
        assertThat(SzigrisztPazos.band(54.9)).isEqualTo("algo difícil");
        assertThat(SzigrisztPazos.band(55)).isEqualTo("normal");
        assertThat(SzigrisztPazos.band(65)).isEqualTo("bastante fácil");
        assertThat(SzigrisztPazos.band(80)).isEqualTo("muy fácil");
    }

    @Test
    void givesNoEnglishFiguresAndNoGradeForSpanish() {
        ReadabilityReport r = Readability.of("La rodilla duele. El médico mira el hueso.", "es-MX");

        assertThat(r.fleschKincaidGrade()).isNaN();
        assertThat(r.smogGrade()).isNaN();
        assertThat(r.gunningFog()).isNaN();
        assertThat(r.readingGrade()).as("a reading-ease score is not a school grade").isNaN();
        assertThat(r.language().name()).isEqualTo("Spanish");
    }

    @Test
    void countsAccentedWordsAsWordsAndNotTheOpeningMarks() {
        // ¿Le duele la espalda? (4 words) ¡Camine un poco cada día! (5) El Dr. Pérez, p. ej., lo recomienda. (7:
        // "Dr." and "p. ej." are abbreviations, not sentence ends). 3 sentences, 16 words.
        ReadabilityReport r = Readability.of(
                "¿Le duele la espalda? ¡Camine un poco cada día! El Dr. Pérez, p. ej., lo recomienda.", "es");

        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.words()).isEqualTo(16);
    }
}
