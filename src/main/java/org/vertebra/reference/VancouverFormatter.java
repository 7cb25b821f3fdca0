package org.vertebra.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a citation in the Vancouver style of the NLM's <i>Citing Medicine</i>, for a journal
 * article: {@code Surname AB, Surname CD. Title. Journal. Year;Vol(Issue):Pages. doi:... PMID: ...}
 *
 * <p>The first six authors are listed, then "et al." when there are more. Page ranges drop the
 * digits the last page repeats (123-129 becomes 123-9). A missing part is left out with its
 * punctuation: an article without an issue reads {@code 2019;12:123-9.}, one without a volume
 * {@code 2019;(3):123-9.}, one known only by its year {@code 2019.}
 */
final class VancouverFormatter {

    /** NLM lists up to six authors, then "et al." */
    static final int LISTED_AUTHORS = 6;

    private static final Pattern RANGE = Pattern.compile("([A-Za-z]*)(\\d+)\\s*[-\u2010-\u2015]\\s*([A-Za-z]*)(\\d+)");

    private VancouverFormatter() {
    }

    public static String format(Citation citation) {
        List<String> parts = new ArrayList<>();
        add(parts, authors(citation.authors()));
        add(parts, sentence(citation.title()));
        add(parts, sentence(citation.journal()));
        add(parts, source(citation));
        if (citation.doi() != null && !citation.doi().isBlank()) {
            parts.add("doi:" + citation.doi().strip() + ".");
        }
        if (citation.pmid() != null && !citation.pmid().isBlank()) {
            parts.add("PMID: " + citation.pmid().strip() + ".");
        }
        if (citation.doi() == null && citation.pmid() == null && citation.url() != null && !citation.url().isBlank()) {
            parts.add("Available from: " + citation.url().strip());
        }
        return String.join(" ", parts);
    }

    /** "Smith JA, Jones B, et al." with the names NLM-style; empty when there are none. */
    static String authors(List<Citation.Author> authors) {
        String names = authors.stream().limit(LISTED_AUTHORS)
                .map(a -> a.initials().isEmpty() ? a.surname() : a.surname() + " " + a.initials())
                .filter(name -> !name.isBlank())
                .collect(Collectors.joining(", "));
        if (names.isEmpty()) {
            return "";
        }
        return authors.size() > LISTED_AUTHORS ? names + ", et al." : sentence(names);
    }

    /** "2019;12(3):123-9." from whichever of year, volume, issue and pages are known. */
    static String source(Citation c) {
        String volumeAndIssue = text(c.volume()) + (text(c.issue()).isEmpty() ? "" : "(" + text(c.issue()) + ")");
        String pages = shortenPages(text(c.pages()));
        String located = volumeAndIssue + (pages.isEmpty() ? "" : (volumeAndIssue.isEmpty() ? "" : ":") + pages);
        String year = text(c.year());
        String source = year + (year.isEmpty() || located.isEmpty() ? "" : ";") + located;
        return source.isEmpty() ? "" : source + ".";
    }

    /**
     * NLM's page ranges: the last page keeps only the digits that differ (123-129: 123-9;
     * 1099-1101: 1099-101; S12-S19: S12-9). Several ranges are shortened one by one; pages that
     * are not a range (e1234) stay as they are.
     */
    static String shortenPages(String pages) {
        Matcher range = RANGE.matcher(pages);
        StringBuilder out = new StringBuilder();
        while (range.find()) {
            String prefix = range.group(1);
            String first = range.group(2);
            String last = range.group(4);
            boolean samePrefix = range.group(3).isEmpty() || range.group(3).equals(prefix);
            String shortened;
            if (!samePrefix) {
                shortened = range.group(); // S12-T3: two sections, not a range to shorten
            } else if (last.length() != first.length()) {
                shortened = prefix + first + "-" + last; // already short (123-9), or 99-101
            } else if (last.equals(first)) {
                shortened = prefix + first;
            } else {
                int same = 0;
                while (first.charAt(same) == last.charAt(same)) {
                    same++;
                }
                shortened = prefix + first + "-" + last.substring(same);
            }
            range.appendReplacement(out, Matcher.quoteReplacement(shortened));
        }
        range.appendTail(out);
        return out.toString();
    }

    /** The text as a sentence: ending in one full stop, or in its own question or exclamation mark. */
    private static String sentence(String value) {
        String text = text(value);
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        if (text.isEmpty()) {
            return "";
        }
        return text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    private static void add(List<String> parts, String part) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }
}
