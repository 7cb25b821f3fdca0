package org.vertebra.search;

import java.util.List;
import org.vertebra.layout.Frame;

/**
 * The search results page, in the language searched ({@code frame().text()}).
 *
 * @param action      where the page's form searches again: the same language's search
 * @param query       what the reader typed, shown back in the box
 * @param didYouMean  a corrected query whose results are shown, or null
 * @param message     what to say when there is nothing to show (empty query, no results), or null
 */
public record SearchPage(Frame frame, String action, String query, List<Result> results, long total, String didYouMean,
                         String didYouMeanUrl, String message, String previousUrl, String nextUrl, int page, int totalPages) {

    /** One found article, its snippet in parts so that the template escapes every word. */
    public record Result(String url, String title, String dateText, String dateIso, List<Snippet.Part> snippet) {
    }
}
