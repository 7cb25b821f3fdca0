package org.vertebra.reference;

import java.util.Locale;
import java.util.regex.Pattern;
import org.vertebra.content.IdentifierText;

/**
 * The two identifiers a reference may carry, normalised and checked: a DOI as
 * {@code 10.REGISTRANT/SUFFIX} (from "doi: ...", a doi.org address or the bare DOI) and a PMID as
 * its digits (from "PMID: ...", a PubMed address or the bare number).
 */
public final class Identifiers {

    /** Kind of identifier, and the normalised value. */
    public record Identifier(Kind kind, String value) {
    }

    public enum Kind { DOI, PMID }

    /** A DOI or PMID that is not one; the message says what is wrong and shows a good one. */
    public static final class InvalidIdentifier extends IllegalArgumentException {
        private final Kind kind;

        InvalidIdentifier(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        /** What the text was taken for; null when it looked like neither. */
        public Kind kind() {
            return kind;
        }
    }

    static final String DOI_EXAMPLE = "10.1056/NEJMoa2034577";
    static final String PMID_EXAMPLE = "33301246";

    private static final Pattern DOI_LABEL = Pattern.compile(
            "(?i)^(?:https?://)?(?:dx\\.)?doi\\.org/|^doi:|^doi(?=10\\.)");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}(?:\\.\\d+)*/\\S+");
    private static final Pattern PMID_LABEL = Pattern.compile(
            "(?i)^(?:https?://)?(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|www\\.ncbi\\.nlm\\.nih\\.gov/pubmed/)|^pmid:?");
    private static final Pattern PMID = Pattern.compile("[1-9]\\d{0,7}");

    private Identifiers() {
    }

    /**
     * The DOI in its usual form. White space, a "doi:" label and a doi.org address go, and
     * punctuation that ends a sentence; the case is kept as written (DOIs ignore case, see
     * {@link #doiKey}).
     */
    public static String doi(String raw) {
        String text = strip(raw);
        boolean address = DOI_LABEL.matcher(text).lookingAt() && text.toLowerCase(Locale.ROOT).contains("doi.org/");
        String doi = IdentifierText.trimmed(DOI_LABEL.matcher(text).replaceFirst(""));
        if (address) {
            doi = IdentifierText.decodedDoi(doi);
        }
        return checked(doi, DOI, Kind.DOI, "The DOI is empty. A DOI looks like " + DOI_EXAMPLE + ".",
                "'" + shown(raw) + "' is not a DOI: a DOI is 10., a number of four to nine digits, a slash and the"
                        + " publisher's part, as in " + DOI_EXAMPLE + ".");
    }

    /** The PMID's digits, from "PMID: 33301246", a PubMed address or the number itself. */
    public static String pmid(String raw) {
        String pmid = IdentifierText.trimmed(PMID_LABEL.matcher(strip(raw)).replaceFirst(""));
        if (pmid.endsWith("/")) {
            pmid = pmid.substring(0, pmid.length() - 1);
        }
        return checked(pmid, PMID, Kind.PMID, "The PMID is empty. A PMID is a number such as " + PMID_EXAMPLE + ".",
                "'" + shown(raw) + "' is not a PMID: a PMID is a number of one to eight digits, as in " + PMID_EXAMPLE + ".");
    }

    private static String checked(String value, Pattern rule, Kind kind, String whenEmpty, String whenWrong) {
        if (value.isEmpty()) {
            throw new InvalidIdentifier(kind, whenEmpty);
        }
        if (!rule.matcher(value).matches()) {
            throw new InvalidIdentifier(kind, whenWrong);
        }
        return value;
    }

    /** A DOI or a PMID, whichever the text is. */
    public static Identifier parse(String raw) {
        String text = strip(raw);
        if (text.startsWith("10.") || text.contains("10.") && text.contains("/") || DOI_LABEL.matcher(text).lookingAt()) {
            return new Identifier(Kind.DOI, doi(text));
        }
        if (PMID_LABEL.matcher(text).lookingAt() || text.matches("\\d+\\.?")) {
            return new Identifier(Kind.PMID, pmid(text));
        }
        throw new InvalidIdentifier(null, text.isEmpty()
                ? "Give a DOI (such as " + DOI_EXAMPLE + ") or a PMID (such as " + PMID_EXAMPLE + ")."
                : "'" + shown(raw) + "' is neither a DOI (such as " + DOI_EXAMPLE + ") nor a PMID (such as "
                        + PMID_EXAMPLE + ").");
    }

    /** The DOI in its usual form, or null when there is none or it is not a DOI (for what services answer). */
    static String doiOrNull(String raw) {
        try {
            return raw == null ? null : doi(raw);
        } catch (InvalidIdentifier e) {
            return null;
        }
    }

    /** Two spellings of one DOI give one key: DOIs are case-insensitive. */
    static String doiKey(String doi) {
        return doi.toLowerCase(Locale.ROOT);
    }

    private static String strip(String raw) {
        return raw == null ? "" : IdentifierText.pasted(raw);
    }

    /** The user's text in a message, cut short when long. */
    private static String shown(String raw) {
        String text = raw == null ? "" : raw.strip();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
