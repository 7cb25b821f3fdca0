package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.vertebra.data.KeptPerVersion;
import org.vertebra.data.PageMarks;

/**
 * What the desk's long lists cost to work out, kept per version of the articles: how many lines a
 * shelf has (at 100,000 articles, "published" and "review due" each count 100,000 index entries)
 * and where every {@value #STRIDE}-th line of a list falls, so that a page asked for by its number
 * is sought from the nearest mark. The version is the content counter (every save, publication,
 * trash and sign-off moves it, on any server: it is read from the database on each request), the
 * reading grades and missed benchmarks this server recorded since (they move without the counter)
 * and the next scheduled publication (a scheduled article joins "published" without a change).
 * Shelves that hold a few (drafts, in review) are counted each time: a review request moves them
 * without the counter, and counting a few costs nothing.
 */
final class DeskListFigures {

    /** Lines between two marks: a page by number skips fewer than this many. */
    static final int STRIDE = 200;

    private record Version(long content, long checks, Instant goodUntil) {
    }

    private record Counted(DeskQuery query, LocalDate dueBefore, int limit) {
    }

    private record Marked(DeskQuery query, LocalDate dueBefore) {
    }

    private final KeptPerVersion<Counted, Integer> counts = new KeptPerVersion<>(2_000);
    private final KeptPerVersion<Marked, PageMarks> marks = new KeptPerVersion<>(200);
    private final LongSupplier contentVersion;
    private final Function<Instant, Optional<Instant>> nextScheduled;
    private final AtomicLong checks = new AtomicLong();
    private volatile Version version;

    DeskListFigures(LongSupplier contentVersion, Function<Instant, Optional<Instant>> nextScheduled) {
        this.contentVersion = contentVersion;
        this.nextScheduled = nextScheduled;
    }

    /** Reading grades or missed benchmarks were recorded: the orders and filters that read them move. */
    void checksRecorded() {
        checks.incrementAndGet();
    }

    /**
     * How many lines the query's list has (up to {@code limit}, {@link Integer#MAX_VALUE} for all),
     * from {@code count} once per version; counted each time for a shelf that holds a few, or a
     * filter on missed benchmarks (another server's checks move it without the counter).
     */
    int count(DeskQuery query, LocalDate dueBefore, int limit, Instant now, IntSupplier count) {
        if (query.shelf().holdsAFew() || query.missedBenchmarks() != 0) {
            return count.getAsInt();
        }
        DeskQuery any = placeless(query);
        // every order has the same lines: one count for all of them
        DeskQuery counted = new DeskQuery(any.shelf(), any.ownerUserId(), any.titleContains(), any.categoryId(),
                any.authorId(), any.missedBenchmarks(), DeskSort.CHANGED, null, null);
        return counts.get(new Counted(counted, dueBefore, limit), version(now), count::getAsInt);
    }

    /** Where the page that skips {@code offset} lines of the query's list starts, from the marks kept for this version. */
    PageMarks.Start start(DeskQuery query, LocalDate dueBefore, int offset, Instant now, PageMarks.Step step) {
        if (offset < STRIDE) {
            return new PageMarks.Start(null, offset);
        }
        return marks.get(new Marked(placeless(query), dueBefore), version(now), () -> new PageMarks(STRIDE)).start(offset, step);
    }

    private Version version(Instant now) {
        long content = contentVersion.getAsLong();
        long checked = checks.get();
        Version known = version;
        if (known != null && known.content() == content && known.checks() == checked && now.isBefore(known.goodUntil())) {
            return known;
        }
        Version read = new Version(content, checked, nextScheduled.apply(now).orElse(Instant.MAX));
        version = read;
        return read;
    }

    /** The list without its place in it: the same count and marks whichever page is asked. */
    private static DeskQuery placeless(DeskQuery query) {
        return new DeskQuery(query.shelf(), query.ownerUserId(), query.titleContains(), query.categoryId(), query.authorId(),
                query.missedBenchmarks(), query.sort(), null, null);
    }
}
