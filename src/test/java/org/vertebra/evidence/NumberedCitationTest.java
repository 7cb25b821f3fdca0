package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Passage;

class NumberedCitationTest {

    private static List<NumberedCitation> in(String text) {
        return NumberedCitation.in(List.of(new Passage(text, 3, Passage.Kind.PARAGRAPH)));
    }

    @Test
    void readsSingleListedAndRangedNumbers() {
        assertThat(in("One [1], two [1, 3], a range [2-4], a dash [5–6] and [7; 9]."))
                .extracting(NumberedCitation::numbers).containsExactly(
                        List.of(1), List.of(1, 3), List.of(2, 3, 4), List.of(5, 6), List.of(7, 9));
    }

    @Test
    void ignoresBracketsThatAreNotCitations() {
        assertThat(in("See [the leaflet] or [a1] or [].")).isEmpty();
    }

    @Test
    void aReversedRangeNamesOnlyItsEnds() {
        assertThat(in("[4-2]")).extracting(NumberedCitation::numbers).containsExactly(List.of(4, 2));
    }

    @Test
    void givesTheLineOfTheCitation() {
        assertThat(in("Text.\nMore [2].")).extracting(NumberedCitation::line).containsExactly(4);
    }
}
