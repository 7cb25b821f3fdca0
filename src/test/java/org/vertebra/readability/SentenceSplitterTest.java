package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Passage;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(new Passage(text, 1, Passage.Kind.PARAGRAPH)).stream().map(Sentence::text).toList();
    }

    @Test
    void endsSentencesAtFullStopsQuestionAndExclamationMarks() {
        assertThat(sentences("Rest the knee. Does it hurt? Call us!")).containsExactly("Rest the knee.", "Does it hurt?", "Call us!");
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndASentence() {
        assertThat(sentences("Dr. Lee and J. Smith, e.g. in the trial by Zheng et al. found a 2.5 mm gap. It closed."))
                .containsExactly("Dr. Lee and J. Smith, e.g. in the trial by Zheng et al. found a 2.5 mm gap.", "It closed.");
    }

    @Test
    void aPassageWithoutAFullStopIsOneSentence() {
        assertThat(sentences("Ice for ten minutes")).containsExactly("Ice for ten minutes");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(sentences("He said \"rest.\" Then (he left.) Fine.")).containsExactly("He said \"rest.\"", "Then (he left.)", "Fine.");
    }

    @Test
    void eachSentenceKnowsTheLineItStartsOn() {
        List<Sentence> split = SentenceSplitter.split(new Passage("One. Two\ncontinues. Three\nends.", 5, Passage.Kind.PARAGRAPH));

        assertThat(split).extracting(Sentence::line).containsExactly(5, 5, 6);
    }
}
