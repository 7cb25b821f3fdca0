package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    /** Checks 2,000 texts of up to {@code max} characters drawn from the alphabet, the same ones each run. */
    private static void forRandomTexts(String alphabet, int max, java.util.function.BiConsumer<String, java.util.Random> check) {
        java.util.Random random = new java.util.Random(alphabet.hashCode());
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(max); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check.accept(text.toString(), random);
        }
    }

    private static List<Integer> boundaries(String text) {
        return boundaries(new SentenceBreaks(), text);
    }

    private static List<Integer> boundaries(SentenceBreaks breaks, String text) {
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
    void theBoundariesFoundInOnePassAreExactlyThoseEachOffsetAnswersFor() {
        // ASCII controls that are white space (0x0b, 0x0c, 0x1c, 0x1f) or not (0x08, 0x7f), and some above ASCII.
        String alphabet = "ab .!?\n\t\"')\u201d\u2019\u2026\u2003\u00a0\r\u000b\u000c\u001c\u001f\u0008\u007f\u0085\u2028";
        forRandomTexts(alphabet, 40, (text, random) -> {
            SentenceBreaks breaks = new SentenceBreaks();
            breaks.setText(text);
            List<Integer> eachOffset = new ArrayList<>();
            for (int offset = 0; offset <= text.length(); offset++) {
                if (breaks.isBoundary(offset)) {
                    eachOffset.add(offset);
                }
            }
            assertThat(boundaries(text)).as("boundaries of [%s]", text).isEqualTo(eachOffset);
        });
    }

    @Test
    void boundariesKeptInTheIndexAreThoseAScanFindsInWholeOrInPart() {
        forRandomTexts("ab .!?\n\"')\u2026\u2003", 60, (body, random) -> {
            byte[] kept = SentenceBreaks.stored(body);
            int cut = random.nextInt(body.length() + 1); // the highlighter may be given the start of a long body
            String given = body.substring(0, cut);
            SentenceBreaks fromIndex = new SentenceBreaks(
                    java.util.Map.of(given, SentenceBreaks.fromStored(kept, body.length(), cut)));
            assertThat(boundaries(fromIndex, given)).as("boundaries of [%s] cut at %d", body, cut)
                    .isEqualTo(boundaries(given));
        });
    }

    @Test
    void boundariesKeptForAnotherTextAreNotUsed() {
        byte[] kept = SentenceBreaks.stored("One. Two.");
        assertThat(SentenceBreaks.fromStored(kept, 10, 9)).isNull();
        assertThat(SentenceBreaks.fromStored(kept, 9, 9)).containsExactly(5);
    }

    @Test
    void emptyTextHasOneBoundary() {
        assertThat(boundaries("")).containsExactly(0);
    }
}
