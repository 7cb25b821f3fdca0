package org.vertebra.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the DOI, PMID and web address in the text of one reference, in the forms that reference
 * lists use: {@code doi: 10.1234/abcd}, {@code https://doi.org/10.1234/abcd}, {@code PMID: 12345678}.
 */
public final class ReferenceParser {

    // A DOI is "10." + registrant + "/" + suffix; the suffix ends at white space. Trailing
    // punctuation belongs to the sentence, not the DOI.
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/\\S+)");
    private static final Pattern PMID = Pattern.compile("(?i)\\bPMID:?\\s*(\\d{1,9})\\b");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern DOI_HOST = Pattern.compile("(?i)^https?://(dx\\.)?doi\\.org/");

    private ReferenceParser() {
    }

    public static Reference parse(String text, String linkUrl) {
        String clean = text.strip();
        String doi = find(DOI, clean);
        String pmid = find(PMID, clean);
        String url = linkUrl != null ? linkUrl : firstNonDoiUrl(clean);
        if (url != null && DOI_HOST.matcher(url).find()) {
            if (doi == null) {
                doi = trimPunctuation(DOI_HOST.matcher(url).replaceFirst(""));
            }
            url = null;
        }
        return new Reference(clean, doi, pmid, url);
    }

    private static String firstNonDoiUrl(String text) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = trimPunctuation(matcher.group());
            if (!DOI_HOST.matcher(url).find()) {
                return url;
            }
        }
        return null;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? trimPunctuation(matcher.group(1)) : null;
    }

    /** Drops the sentence's punctuation from the end of an identifier or address found in prose. */
    public static String trimPunctuation(String value) {
        int end = value.length();
        while (end > 0 && (".,;:]}>'\"".indexOf(value.charAt(end - 1)) >= 0
                || value.charAt(end - 1) == ')' && unbalanced(value.substring(0, end)))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** A DOI may hold parentheses, as in 10.1016/S0140-6736(20)30183-5; a closing one without its pair is prose. */
    private static boolean unbalanced(String value) {
        return value.chars().filter(c -> c == ')').count() > value.chars().filter(c -> c == '(').count();
    }
}
