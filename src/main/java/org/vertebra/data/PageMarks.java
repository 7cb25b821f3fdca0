package org.vertebra.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every {@code stride}-th line of one long ordered list falls, by the line's id, found as
 * pages are asked for and kept while the list stands (its owner keeps one per content version). A
 * page asked for by its number is then sought from the nearest mark before it and skips fewer than
 * {@code stride} lines: page 2,000 costs what page 2 does, after the first request has walked to it
 * once. A page's own "Next" link seeks from its last line and needs no mark.
 */
public final class PageMarks {

    /** Where a page starts: after the line with id {@code after} (null: from the first line), skipping {@code skip} lines. */
    public record Start(Long after, int skip) {
    }

    /** Reads the id of the line {@code skip} lines after the line {@code after} (null: from the first), if the list goes that far. */
    @FunctionalInterface
    public interface Step {
        Optional<Long> lineAfter(Long after, int skip);
    }

    private final int stride;
    /** marks.get(i): the id of line (i + 1) * stride, counted from 1. */
    private final List<Long> marks = new ArrayList<>();
    private boolean ended;

    public PageMarks(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride " + stride);
        }
        this.stride = stride;
    }

    /** Where the page that skips {@code offset} lines from the first starts, walking on from the last mark kept if need be. */
    public synchronized Start start(int offset, Step step) {
        int wanted = Math.max(0, offset) / stride;
        while (marks.size() < wanted && !ended) {
            Optional<Long> next = step.lineAfter(marks.isEmpty() ? null : marks.get(marks.size() - 1), stride - 1);
            if (next.isEmpty()) {
                ended = true;
            } else {
                marks.add(next.get());
            }
        }
        int have = Math.min(wanted, marks.size());
        return have == 0 ? new Start(null, Math.max(0, offset)) : new Start(marks.get(have - 1), offset - have * stride);
    }
}
