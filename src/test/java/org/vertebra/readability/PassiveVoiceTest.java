package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassiveVoiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"The bone was broken in two places.", "The knee is usually treated with rest.",
            "Patients were given a brace.", "The disc has been removed.", "It is being tested.",
            "The tendon was not torn."})
    void findsAFormOfToBeBeforeAParticiple(String sentence) {
        assertThat(PassiveVoice.isPassive(Words.in(sentence))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The surgeon removed the disc.", "The knee is sore.", "Rest is what you need.",
            "There were a hundred patients.", "Your pain is likely to ease over time."})
    void activeSentencesAreNotPassive(String sentence) {
        assertThat(PassiveVoice.isPassive(Words.in(sentence))).isFalse();
    }
}
