package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Syllable counts of common and medical words, as dictionaries give them (Merriam-Webster's
 * pronunciations). "physiotherapy" is phy-si-o-ther-a-py, six spoken syllables, although a
 * hyphenation dictionary breaks it in five places' worth (phys-io-ther-a-py).
 */
class SyllableCounterTest {

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource({
            "the, 1", "cat, 1", "knee, 1", "spine, 1", "bone, 1", "nerve, 1", "joint, 1", "heel, 1", "pain, 1",
            "walked, 1", "hopes, 1", "miles, 1", "yes, 1", "eye, 1", "day, 1", "torn, 1",
            "vertebra, 3", "vertebrae, 3", "vertebral, 3", "fracture, 2", "fractured, 2", "spinal, 2", "surgeon, 2",
            "surgeons, 2", "tendon, 2", "shoulder, 2", "patient, 2", "ankle, 2", "muscle, 2", "muscles, 2",
            "boxes, 2", "places, 2", "changes, 2", "treated, 2", "wanted, 2", "needed, 2", "agreed, 2", "player, 2",
            "dying, 2", "diet, 2", "quiet, 2", "client, 2", "social, 2", "nation, 2", "region, 2", "tissue, 2",
            "lumbar, 2", "steroid, 2", "ruptured, 2", "something, 2", "sometimes, 2", "careful, 2", "useful, 2",
            "statement, 2", "people, 2", "million, 2", "surgery, 3", "ligament, 3", "cartilage, 3", "arthritis, 3",
            "injury, 3", "injuries, 3", "hospital, 3", "cervical, 3", "therapy, 3", "evidence, 3", "exercise, 3",
            "cruciate, 3", "calcium, 3", "actual, 3", "radial, 3", "replacement, 3", "completely, 3", "everyone, 3",
            "Australian, 3", "reptilian, 3", "platypus, 3", "video, 3", "embryo, 3", "orthopaedic, 4",
            "inflammation, 4", "anterior, 4", "posterior, 4", "diagnosis, 4", "injection, 3", "exercises, 4",
            "sciatica, 4", "scoliosis, 4", "fasciitis, 4", "ibuprofen, 4", "anaesthetic, 4", "recovery, 4",
            "operation, 4", "magnesium, 4", "pneumonia, 4", "anxiety, 4", "degenerative, 5", "paracetamol, 5",
            "association, 5", "osteoarthritis, 6", "osteoporosis, 6", "physiotherapy, 6", "physiotherapist, 6",
            "rehabilitation, 6", "meta-analysis, 6", "don't, 1", "2011, 4", "5, 1"})
    void countsSpokenSyllables(String word, int syllables) {
        assertThat(SyllableCounter.count(word)).isEqualTo(syllables);
    }
}
