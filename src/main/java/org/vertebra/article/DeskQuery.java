package org.vertebra.article;

/**
 * What the desk's articles list shows: a shelf (the status), narrowed by any of the filters, in one
 * order, from a place in it. Null filters are not applied.
 *
 * @param ownerUserId only the articles of this account
 * @param titleContains words the title contains, without regard to case
 * @param missedBenchmarks articles that missed any of these trust benchmarks when last checked (bits
 *                         of {@link #missedBit}); 0 for no such filter
 * @param after the id of the last line of the previous page: the page continues after it
 * @param before the id of the first line of the next page: the page ends before it (going back)
 */
public record DeskQuery(Shelf shelf, Long ownerUserId, String titleContains, Long categoryId, Long authorId,
                        int missedBenchmarks, DeskSort sort, Long after, Long before) {

    public DeskQuery {
        titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.strip();
    }

    /** The bit of a trust benchmark in {@code articles.benchmarks_missed} (V25): its place in trust/Benchmark. */
    public static int missedBit(org.vertebra.trust.Benchmark benchmark) {
        return 1 << benchmark.ordinal();
    }

    /** Every benchmark's bit: articles that missed any. */
    public static int anyMissed() {
        return (1 << org.vertebra.trust.Benchmark.values().length) - 1;
    }

    public DeskQuery ownedBy(Long owner) {
        return new DeskQuery(shelf, owner, titleContains, categoryId, authorId, missedBenchmarks, sort, after, before);
    }

    /** The same list, from after the line with this id. */
    public DeskQuery from(long afterId) {
        return new DeskQuery(shelf, ownerUserId, titleContains, categoryId, authorId, missedBenchmarks, sort, afterId, null);
    }

    /** True when anything narrows the shelf (not the order or the place). */
    public boolean filtered() {
        return titleContains != null || categoryId != null || authorId != null || missedBenchmarks != 0;
    }
}
