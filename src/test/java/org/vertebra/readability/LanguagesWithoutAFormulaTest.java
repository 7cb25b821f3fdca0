package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A language without a validated formula is counted, never given an English grade. */
class LanguagesWithoutAFormulaTest {

    @Test
    void saysNoFormulaIsValidatedForHindi() {
        // घुटने में दर्द है। (4 words; the danda ends the sentence) डॉक्टर से मिलें। (3 words)
        ReadabilityReport r = Readability.of("घुटने में दर्द है। डॉक्टर से मिलें।", "hi");

        assertThat(r.language().hasValidatedFormula()).isFalse();
        assertThat(r.language().message()).startsWith("No readability formula is validated for Hindi");
        assertThat(r.language().scores()).isEmpty();
        assertThat(r.sentences()).isEqualTo(2);
        assertThat(r.words()).as("vowel signs stay inside their word").isEqualTo(7);
        assertThat(r.readingGrade()).isNaN();
        assertThat(r.fleschKincaidGrade()).isNaN();
        assertThat(r.aboveTarget()).isFalse();
    }

    @Test
    void saysNoFormulaIsValidatedForArabic() {
        // الركبة تؤلمني. (2 words) هل أذهب إلى الطبيب؟ (4 words; the Arabic question mark ends it)
        ReadabilityReport r = Readability.of("الركبة تؤلمني. هل أذهب إلى الطبيب؟", "ar");

        assertThat(r.language().message()).startsWith("No readability formula is validated for Arabic");
        assertThat(r.sentences()).isEqualTo(2);
        assertThat(r.words()).isEqualTo(6);
        assertThat(r.readingGrade()).isNaN();
        assertThat(r.smogGrade()).isNaN();
    }

    @Test
    void measuresEnglishAsBeforeWhateverTheTagsRegion() {
        String text = "The patient had a fracture of the femur. Recovery took several months.";

        assertThat(Readability.of(text, "en-GB")).isEqualTo(Readability.of(text));
        assertThat(Readability.of(text, null)).isEqualTo(Readability.of(text));
        assertThat(Readability.of(text).language().isEnglish()).isTrue();
    }
}
