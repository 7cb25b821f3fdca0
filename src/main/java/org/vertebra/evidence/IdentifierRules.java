package org.vertebra.evidence;

import static org.vertebra.content.IdentifierText.SPACE;
import static org.vertebra.content.IdentifierText.WORD;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.IdentifierText;
import org.vertebra.content.Reference;

/**
 * Checks the DOIs and PMIDs written in a reference.
 * <ul>
 * <li>A DOI must match Crossref's recommended pattern {@code ^10.\d{4,9}/[-._;()/:A-Z0-9]+$}
 * (case-insensitive), which covers all but a few very old DOIs; one of those would be reported
 * and needs a look by hand.</li>
 * <li>A PMID is a PubMed record number: 1 to 8 digits without a leading zero. PubMed's numbers
 * passed 40 million in 2025, so 8 digits will last for decades.</li>
 * </ul>
 * Identifiers are read where they are written ("doi: ...", a doi.org address, "PMID: ..."), not
 * only where the reference parser recognised them, because a malformed one is exactly what the
 * parser does not recognise.
 */
final class IdentifierRules {

    private static final Pattern DOI_LABEL = Pattern.compile("(?i)\\bdoi(?::" + SPACE + "*|" + SPACE + "+)(" + WORD + ")");
    private static final Pattern DOI_ADDRESS = Pattern.compile("(?i)\\bhttps?://(?:dx\\.)?doi\\.org/(" + WORD + ")");
    private static final Pattern PMID_LABEL = Pattern.compile("(?i)\\bPMID(?::" + SPACE + "*|" + SPACE + "+)(" + WORD + ")");
    private static final Pattern DOI_PREFIX = Pattern.compile("10\\.([^/]*)/(.*)", Pattern.DOTALL);
    private static final Pattern DOI_SUFFIX_CHARACTER = Pattern.compile("[-._;()/:A-Za-z0-9]");

    private IdentifierRules() {
    }

    static List<InvalidIdentifier> check(int index, Reference reference) {
        List<InvalidIdentifier> invalid = new ArrayList<>();
        for (String doi : dois(reference)) {
            doiProblem(doi).ifPresent(reason -> invalid.add(new InvalidIdentifier(index, IdentifierKind.DOI, doi, reason)));
        }
        for (String pmid : found(PMID_LABEL, reference.text())) {
            pmidProblem(pmid).ifPresent(reason -> invalid.add(new InvalidIdentifier(index, IdentifierKind.PMID, pmid, reason)));
        }
        return invalid;
    }

    private static Set<String> dois(Reference reference) {
        Set<String> dois = new LinkedHashSet<>();
        for (String labelled : found(DOI_LABEL, reference.text())) {
            // "doi: https://doi.org/10..." names the DOI by its address
            Matcher address = DOI_ADDRESS.matcher(labelled);
            dois.add(address.matches() ? IdentifierText.trimmed(address.group(1)) : labelled);
        }
        dois.addAll(found(DOI_ADDRESS, reference.text()));
        if (dois.isEmpty() && reference.doi() != null) {
            dois.add(reference.doi()); // from a link address, not written in the text
        }
        return dois;
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String value = IdentifierText.trimmed(m.group(1));
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    static Optional<String> doiProblem(String doi) {
        Matcher parts = DOI_PREFIX.matcher(doi);
        if (!parts.matches()) {
            return Optional.of(doi.startsWith("10.")
                    ? "a DOI needs a slash between its prefix (10.NNNN) and its suffix"
                    : "a DOI starts with \"10.\"");
        }
        String registrant = parts.group(1);
        if (!registrant.matches("\\d{4,9}")) {
            return Optional.of("the prefix after \"10.\" must be 4 to 9 digits, not \"" + registrant + "\"");
        }
        String suffix = parts.group(2);
        if (suffix.isEmpty()) {
            return Optional.of("a DOI needs a suffix after the slash");
        }
        for (int i = 0; i < suffix.length(); i++) {
            String character = String.valueOf(suffix.charAt(i));
            if (!DOI_SUFFIX_CHARACTER.matcher(character).matches()) {
                return Optional.of("\"" + character + "\" is outside Crossref's DOI pattern (letters, digits and -._;()/:)");
            }
        }
        return Optional.empty();
    }

    static Optional<String> pmidProblem(String pmid) {
        if (!pmid.matches("\\d+")) {
            return Optional.of("a PMID is digits only");
        }
        if (pmid.startsWith("0")) {
            return Optional.of("a PMID does not start with 0");
        }
        if (pmid.length() > 8) {
            return Optional.of("a PMID has at most 8 digits, this one has " + pmid.length());
        }
        return Optional.empty();
    }
}
