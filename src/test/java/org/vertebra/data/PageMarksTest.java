package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Page marks over a list of 1,000 lines held in memory, standing in for an index the step walks. */
class PageMarksTest {

    private final List<Long> lines = LongStream.rangeClosed(1, 1_000).map(n -> n * 10).boxed().toList();
    private int walked;

    /** The line {@code skip} lines after the line {@code after}, counting every line the walk passes. */
    private Optional<Long> lineAfter(Long after, int skip) {
        int from = after == null ? 0 : lines.indexOf(after) + 1;
        walked += skip + 1;
        return from + skip < lines.size() ? Optional.of(lines.get(from + skip)) : Optional.empty();
    }

    /** The lines a page shows when it starts where the marks say. */
    private List<Long> page(PageMarks.Start start, int size) {
        int from = start.after() == null ? 0 : lines.indexOf(start.after()) + 1;
        return lines.subList(Math.min(lines.size(), from + start.skip()), Math.min(lines.size(), from + start.skip() + size));
    }

    @Test
    void everyPageStartsWhereCountingFromTheFirstLineWould() {
        PageMarks marks = new PageMarks(30);
        for (int offset : new int[] {0, 1, 29, 30, 31, 59, 60, 475, 900, 975, 999, 1_000, 1_500}) {
            PageMarks.Start start = marks.start(offset, this::lineAfter);
            assertThat(start.skip()).as("offset %d", offset).isLessThan(offset < 1_000 ? 30 : 1_000);
            assertThat(page(start, 25)).as("offset %d", offset)
                    .isEqualTo(lines.subList(Math.min(1_000, offset), Math.min(1_000, offset + 25)));
        }
    }

    @Test
    void aPageFarDownWalksTheListOnceAndThenOnlyFromTheNearestMark() {
        PageMarks marks = new PageMarks(50);
        PageMarks.Start first = marks.start(900, this::lineAfter);
        assertThat(first).isEqualTo(new PageMarks.Start(9_000L, 0)); // the 18th mark: line 900, whose id is 9,000
        assertThat(walked).isEqualTo(900);

        walked = 0;
        assertThat(marks.start(925, this::lineAfter)).isEqualTo(new PageMarks.Start(9_000L, 25));
        assertThat(marks.start(875, this::lineAfter)).isEqualTo(new PageMarks.Start(8_500L, 25));
        assertThat(walked).as("the marks on the way down were kept").isZero();

        assertThat(marks.start(990, this::lineAfter)).isEqualTo(new PageMarks.Start(9_500L, 40));
        assertThat(walked).as("one stride further").isEqualTo(50);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndTheEndIsNotWalkedAgain() {
        PageMarks marks = new PageMarks(400);
        PageMarks.Start beyond = marks.start(5_000, this::lineAfter);
        assertThat(page(beyond, 25)).isEmpty();
        walked = 0;
        assertThat(page(marks.start(6_000, this::lineAfter), 25)).isEmpty();
        assertThat(walked).isZero();
        assertThat(page(marks.start(975, this::lineAfter), 25)).containsExactlyElementsOf(lines.subList(975, 1_000));
    }
}
