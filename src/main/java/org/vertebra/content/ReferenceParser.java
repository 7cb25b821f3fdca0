package org.vertebra.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the DOI, PMID and web address in the text of one reference, in the forms that reference
 * lists use: {@code doi: 10.1234/abcd}, {@code https://doi.org/10.1234/abcd}, {@code PMID: 12345678}.
 */
public final class ReferenceParser {

    // A DOI is "10." + registrant + "/" + suffix; where each identifier ends is IdentifierText's rule.
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/" + IdentifierText.WORD + ")");
    private static final Pattern PMID = Pattern.compile("(?i)\\bPMID:?" + IdentifierText.SPACE + "*(\\d{1,9})\\b");
    private static final Pattern URL = Pattern.compile("https?://" + IdentifierText.ADDRESS);
    private static final Pattern DOI_HOST = Pattern.compile("(?i)^https?://(dx\\.)?doi\\.org/");
    private static final Pattern PUBMED_ADDRESS = Pattern.compile(
            "(?i)^https?://(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|www\\.ncbi\\.nlm\\.nih\\.gov/pubmed/)(\\d{1,9})\\b");

    private ReferenceParser() {
    }

    public static Reference parse(String text, String linkUrl) {
        String clean = text.strip();
        String doi = find(DOI, clean);
        if (doi != null) {
            doi = IdentifierText.decodedDoi(doi); // as a doi.org address in the text spells it
        }
        String pmid = find(PMID, clean);
        String url = linkUrl != null ? linkUrl : firstNonDoiUrl(clean);
        if (url != null && isDoiAddress(url)) {
            if (doi == null) {
                doi = IdentifierText.decodedDoi(IdentifierText.trimmed(DOI_HOST.matcher(url).replaceFirst("")));
            }
            url = null;
        }
        return new Reference(clean, doi, pmid, url);
    }

    /**
     * The PMID of a PubMed address ({@code https://pubmed.ncbi.nlm.nih.gov/24660591/}), as the
     * "[PubMed]" links of reference lists copied from PubMed give it; null for any other address.
     */
    public static String pmidOfAddress(String url) {
        Matcher matcher = PUBMED_ADDRESS.matcher(url == null ? "" : url.strip());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** True for a doi.org (or dx.doi.org) address. */
    static boolean isDoiAddress(String url) {
        return DOI_HOST.matcher(url).find();
    }

    private static String firstNonDoiUrl(String text) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = IdentifierText.trimmed(matcher.group());
            if (!isDoiAddress(url)) {
                return url;
            }
        }
        return null;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? IdentifierText.trimmed(matcher.group(1)) : null;
    }
}
