package org.vertebra.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vertebra.article.DeskQuery;
import org.vertebra.article.DeskSort;
import org.vertebra.article.Shelf;
import org.vertebra.trust.Benchmark;

/**
 * The choices of the desk's articles list, as its GET form puts them in the query string, so that a
 * list can be bookmarked and shared: {@code q} (words of the title), {@code shelf} (the status),
 * {@code category}, {@code author}, {@code missed} ("any" or a benchmark's key), {@code sort} and
 * {@code mine}. What cannot be read is left out, never refused: a list is only ever narrower.
 */
public record DeskListForm(String search, Shelf shelf, Long categoryId, Long authorId, String missed, DeskSort sort,
                           boolean mine) {

    /** The value of {@code missed} for articles that missed any benchmark. */
    public static final String ANY = "any";
    private static final int MAX_SEARCH = 200;

    public DeskListForm {
        search = search == null ? "" : search.strip();
        search = search.length() > MAX_SEARCH ? search.substring(0, MAX_SEARCH) : search;
        missed = missedBits(missed) == 0 ? "" : missed;
    }

    /** The choices in a request's query string, by parameter name. */
    static DeskListForm from(Function<String, String> parameter) {
        return new DeskListForm(parameter.apply("q"), Shelf.parse(parameter.apply("shelf")), id(parameter.apply("category")),
                id(parameter.apply("author")), parameter.apply("missed"), DeskSort.parse(parameter.apply("sort")),
                "1".equals(parameter.apply("mine")));
    }

    /** The query for a page of this list: from its start, or after or before a line of it. */
    DeskQuery query(Long after, Long before) {
        return new DeskQuery(shelf, null, search, categoryId, authorId, missedBits(missed), sort, after, before);
    }

    /** True when anything narrows the list beyond its status. */
    public boolean filtered() {
        return !search.isEmpty() || categoryId != null || authorId != null || !missed.isEmpty();
    }

    public DeskListForm withShelf(Shelf other) {
        return new DeskListForm(search, other, categoryId, authorId, missed, sort, mine);
    }

    /** The same status, order and "mine", without the filters. */
    public DeskListForm cleared() {
        return new DeskListForm("", shelf, null, null, "", sort, mine);
    }

    /** This list's address, from its start. */
    public String url() {
        return url(List.of());
    }

    /** This list's address with further parameters ("after=12"), each already encoded. */
    String url(List<String> more) {
        List<String> parts = new ArrayList<>();
        if (!search.isEmpty()) {
            parts.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (shelf != Shelf.ALL) {
            parts.add("shelf=" + shelf.key());
        }
        if (categoryId != null) {
            parts.add("category=" + categoryId);
        }
        if (authorId != null) {
            parts.add("author=" + authorId);
        }
        if (!missed.isEmpty()) {
            parts.add("missed=" + missed);
        }
        if (sort != DeskSort.CHANGED) {
            parts.add("sort=" + sort.key());
        }
        if (mine) {
            parts.add("mine=1");
        }
        parts.addAll(more);
        return "/admin/articles/" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    /** The benchmarks' bits that {@code missed} names: every one for "any", none for what names none. */
    static int missedBits(String missed) {
        if (ANY.equals(missed)) {
            return DeskQuery.anyMissed();
        }
        for (Benchmark benchmark : Benchmark.values()) {
            if (benchmark.key().equals(missed)) {
                return DeskQuery.missedBit(benchmark);
            }
        }
        return 0;
    }

    private static Long id(String raw) {
        return raw == null || !raw.strip().matches("\\d{1,18}") ? null : Long.parseLong(raw.strip());
    }
}
