package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    private static List<Integer> boundaries(String text) {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);
        List<Integer> found = new ArrayList<>();
        found.add(breaks.first());
        for (int b = breaks.next(); b != BreakIterator.DONE; b = breaks.next()) {
            found.add(b);
        }
        return found;
    }

    @Test
    void breaksAfterSentenceEndsAndLineBreaks() {
        String text = "Rest helps. Does ice help? Yes!\nSee a doctor \"soon.\" Then walk";
        assertThat(boundaries(text)).containsExactly(0, 12, 27, 32, 53, text.length());
    }

    @Test
    void doesNotBreakInsideNumbersOrWithoutSpace() {
        assertThat(boundaries("Take 2.5 mg.Then rest")).containsExactly(0, 21);
    }

    @Test
    void findsTheNearestBoundariesAroundAnOffset() {
        String text = "One two. Three four five. Six.";
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText(text);

        assertThat(breaks.following(10)).isEqualTo(26);
        assertThat(breaks.preceding(10)).isEqualTo(9);
        assertThat(breaks.preceding(9)).isEqualTo(0);
        assertThat(breaks.following(26)).isEqualTo(text.length());
        assertThat(breaks.current()).isEqualTo(text.length());
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.previous()).isEqualTo(26);
    }

    @Test
    void emptyTextHasOneBoundary() {
        assertThat(boundaries("")).containsExactly(0);
    }
}
